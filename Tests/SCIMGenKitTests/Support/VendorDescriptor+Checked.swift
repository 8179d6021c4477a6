@testable import SCIMGenKit

extension VendorDescriptor {
    /// The descriptor checked, as generation takes it; throws every diagnostic when it does not validate.
    func checked() throws -> ResolvedVendor {
        try ResolvedVendor(checking: self)
    }
}
