import Foundation
import Mustache

/// Generation as a pure function: descriptors and templates in, `[relative path: bytes]` out.
///
/// Nothing here touches the file system: `SiteWriter` writes, `SiteCheck` compares. Vendors are
/// independent, so they render concurrently; the result does not depend on scheduling because each
/// vendor's files land in its own slot and are merged in id order.
public enum SiteGenerator {
    /// The site index, relative to the output folder.
    public static let indexPath = "index.md"

    /// Every output file for `input`, keyed by its path relative to the output folder.
    ///
    /// - Parameter includeIndex: whether to write `index.md`, which lists every vendor; a run
    ///   limited to some vendors leaves it out.
    /// - Throws: `DiagnosticsError` with every template problem, located in the template.
    public static func generate(_ input: SiteInput, kinds: OutputKinds = .all, includeIndex: Bool = true) throws
        -> [String: [UInt8]]
    {
        let vendors = input.vendors
        let slots = Slots<Result<[String: [UInt8]], DiagnosticsError>>(count: vendors.count)
        DispatchQueue.concurrentPerform(iterations: vendors.count) { index in
            let vendor = vendors[index]
            do {
                slots[index] = .success(try Self.files(for: vendor, input: input, kinds: kinds))
            } catch let error as TemplateError {
                slots[index] = .failure(DiagnosticsError([Diagnostic(templateError: error)]))
            } catch {
                slots[index] = .failure(DiagnosticsError([Diagnostic(.error, "vendor '\(vendor.id)': \(error)")]))
            }
        }
        var files: [String: [UInt8]] = [:]
        var problems: [Diagnostic] = []
        for result in slots.values {
            switch result {
            case .success(let vendorFiles): files.merge(vendorFiles) { first, _ in first }
            case .failure(let error): problems += error.diagnostics
            case nil: break
            }
        }
        if kinds.contains(.docs) && includeIndex {
            do {
                files.merge(try SiteIndex.files(for: vendors, templates: input.templates)) { first, _ in first }
            } catch let error as TemplateError {
                problems.append(Diagnostic(templateError: error))
            }
        }
        guard problems.isEmpty else {
            // The same template fault shows up once per vendor; report it once.
            var seen = Set<Diagnostic>()
            throw DiagnosticsError(problems.filter { seen.insert($0).inserted }.sorted(by: diagnosticOrder))
        }
        return files
    }

    /// The files of one vendor.
    public static func files(for vendor: VendorDescriptor, input: SiteInput, kinds: OutputKinds) throws
        -> [String: [UInt8]]
    {
        var result: [String: [UInt8]] = [:]
        if kinds.contains(.docs) {
            result.merge(try TutorialOutput.files(for: vendor, templates: input.templates(for: vendor.id))) { a, _ in a }
        }
        if kinds.contains(.scim) { result.merge(SCIMDocuments.files(for: vendor)) { a, _ in a } }
        if kinds.contains(.mappings) { result.merge(EntraMappingOutput.files(for: vendor)) { a, _ in a } }
        return result
    }
}
