import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Issue 15, point 10, as a pull request would plant it: a 5 MB partial across 900 vendors once
/// wrote 6 GB and peaked at 2.8 GB. Now `generate` refuses it, writes nothing, and stays small.
/// Partials just under each bound are stopped by the document bound and the run's budget
/// (`TemplateLimitTests` in the kit's tests, in process and on smaller limits, to stay quick).
final class TemplateLimitBinaryTests: XCTestCase {
    /// The repository's inputs plus copies of LUSID up to 900 vendors.
    private func workspaceWith900Vendors() throws -> Workspace {
        let workspace = try Workspace()
        let lusid = try XCTUnwrap(workspace.read("Vendors/lusid/vendor.json"))
        for index in 0..<896 {
            try workspace.write("Vendors/copy-\(index)/vendor.json", lusid)
        }
        return workspace
    }

    func testAFiveMegabytePartialAcrossNineHundredVendorsWritesNothing() throws {
        let workspace = try workspaceWith900Vendors()
        try workspace.write("Templates/partials/capabilities.md.mustache", String(repeating: "x", count: 5 << 20))
        guard let run = BuiltBinary.run(["generate"], in: workspace.root) else { return }
        XCTAssertEqual(run.code, 1, "\(run)")
        XCTAssertEqual(
            run.err,
            """
            Templates/partials/capabilities.md.mustache:1:1: error: template is 5242880 bytes, over the limit of 262144 bytes (256 KiB); keep templates to prose and tags
            found 1 error; nothing written

            """)
        XCTAssertEqual(workspace.files(under: "Site"), [])
        // The largest child this test process has waited for, this run included, stayed far from gigabytes.
        var usage = rusage()
        #if canImport(Glibc)
            getrusage(RUSAGE_CHILDREN.rawValue, &usage)
            let peakMegabytes = Int(usage.ru_maxrss) / 1024
        #else
            getrusage(RUSAGE_CHILDREN, &usage)
            let peakMegabytes = Int(usage.ru_maxrss) / (1024 * 1024)
        #endif
        XCTAssertLessThan(peakMegabytes, 400, "peak resident memory of a child: \(peakMegabytes) MB")
    }
}
