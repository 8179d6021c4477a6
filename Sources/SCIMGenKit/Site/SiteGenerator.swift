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

    /// How many vendors render together before their files are handed over: enough to keep every
    /// core busy, few enough that memory stays small for thousands of vendors.
    public static let batchSize = 256

    /// Every output file for `input`, keyed by its path relative to the output folder.
    ///
    /// - Parameter includeIndex: whether to write `index.md`, which lists every vendor; a run
    ///   limited to some vendors leaves it out.
    /// - Throws: `DiagnosticsError` with every template problem, located in the template.
    public static func generate(_ input: SiteInput, kinds: OutputKinds = .all, includeIndex: Bool = true) throws
        -> [String: [UInt8]]
    {
        var files: [String: [UInt8]] = [:]
        try generate(input, kinds: kinds, includeIndex: includeIndex) { batch in
            files.merge(batch) { first, _ in first }
        }
        return files
    }

    /// Renders `batchSize` vendors at a time on every core and hands each batch's files to `each`,
    /// then the index; memory holds one batch, not the whole site.
    ///
    /// A batch with any problem throws before it is handed over, so with at most `batchSize`
    /// vendors nothing at all is handed over when anything fails.
    public static func generate(
        _ input: SiteInput, kinds: OutputKinds = .all, includeIndex: Bool = true,
        each: ([String: [UInt8]]) throws -> Void
    ) throws {
        let vendors = input.vendors
        let budget = RenderBudget(limit: input.limits.runBytes(vendors: vendors.count))
        var start = 0
        while start < vendors.count {
            let batch = Array(vendors[start..<min(vendors.count, start + batchSize)])
            start += batchSize
            let slots = Slots<Result<[String: [UInt8]], DiagnosticsError>>(count: batch.count)
            DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                let vendor = batch[index]
                guard !budget.isExhausted else { return }
                do {
                    let files = try Self.files(for: vendor, input: input, kinds: kinds)
                    switch budget.spend(files) {
                    case .within: slots[index] = .success(files)
                    case .crossed: slots[index] = .failure(DiagnosticsError([budget.overBudget(input)]))
                    case .over: break
                    }
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
            try throwIfAny(problems)
            try each(files)
        }
        if kinds.contains(.docs) && includeIndex {
            do {
                let index = try SiteIndex.files(
                    for: vendors, templates: input.templates, maximumBytes: input.limits.indexBytes(vendors: vendors.count))
                try each(index)
            } catch let error as TemplateError {
                try throwIfAny([Diagnostic(templateError: error)])
            }
        }
    }

    /// The same template fault shows up once per vendor; report it once.
    private static func throwIfAny(_ problems: [Diagnostic]) throws {
        guard !problems.isEmpty else { return }
        var seen = Set<Diagnostic>()
        throw DiagnosticsError(problems.filter { seen.insert($0).inserted }.sorted(by: diagnosticOrder))
    }

    /// The files of one vendor.
    public static func files(for vendor: ResolvedVendor, input: SiteInput, kinds: OutputKinds) throws
        -> [String: [UInt8]]
    {
        var result: [String: [UInt8]] = [:]
        if kinds.contains(.docs) {
            let templates = input.templates(for: vendor.id)
            result.merge(try TutorialOutput.files(for: vendor, templates: templates, maximumBytes: input.limits.documentBytes)) { a, _ in a }
        }
        if kinds.contains(.scim) { result.merge(SCIMDocuments.files(for: vendor)) { a, _ in a } }
        if kinds.contains(.mappings) { result.merge(EntraMappingOutput.files(for: vendor)) { a, _ in a } }
        return result
    }
}
