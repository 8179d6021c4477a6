import Foundation
@testable import SCIMGenKit
import XCTest

/// The diff walks what the codec writes: every value a descriptor can state shows up as a change
/// when it changes, so a field added to the format is diffed with no list to update.
final class DiffCoverageTests: XCTestCase {
    func testEveryEncodedValueIsDiffed() throws {
        var checked = 0
        for id in ["lucid-all-products", "lusid", "thousandeyes", "thrive-lxp"] {
            let file = "Vendors/\(id)/vendor.json"
            let (decoded, problems) = DescriptorCodec.decode(id: id, file: file, bytes: try Repository.bytes(file))
            XCTAssertEqual(problems.filter { $0.severity == .error }.map(\.description), [])
            let old = try XCTUnwrap(decoded)
            let value = DescriptorCodec.encodeValue(old, includingDefaults: true)
            for path in Self.leaves(value, at: []) where path.first != "$schema" {
                guard let mutated = Self.mutate(value, at: path[...]) else { continue }
                let (changed, errors) = DescriptorCodec.decode(id: id, file: file, bytes: JSONWriter.writeBytes(mutated))
                // A mutation the format refuses (an enumeration, a pattern) proves nothing either way.
                guard let new = changed, !errors.contains(where: { $0.severity == .error }) else { continue }
                let diff = VendorSetDiff.compare(old: [old], new: [new])
                XCTAssertFalse(diff.isEmpty, "\(id): a change of '\(path.joined(separator: "."))' is not diffed")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 300, "too few values were changed to prove anything")
    }

    /// The paths of every scalar, array indices as numbers.
    static func leaves(_ value: JSONValue, at path: [String]) -> [[String]] {
        switch value {
        case .object(let members): members.filter { $0.key != "$comment" }.flatMap { leaves($0.value, at: path + [$0.key]) }
        case .array(let values): values.enumerated().flatMap { leaves($1, at: path + [String($0)]) }
        default: [path]
        }
    }

    /// The value with the scalar at `path` changed: a string extended, a flag flipped, a number raised.
    static func mutate(_ value: JSONValue, at path: ArraySlice<String>) -> JSONValue? {
        guard let first = path.first else {
            switch value {
            case .string(let text): return .string(text.isEmpty ? "x" : text + " x")
            case .bool(let flag): return .bool(!flag)
            case .number(let literal): return Int(literal).map { .int($0 + 1) }
            default: return nil
            }
        }
        switch value {
        case .object(var members):
            guard let index = members.firstIndex(where: { $0.key == first }),
                let changed = mutate(members[index].value, at: path.dropFirst())
            else { return nil }
            members[index].value = changed
            return .object(members)
        case .array(var values):
            guard let index = Int(first), values.indices.contains(index), let changed = mutate(values[index], at: path.dropFirst())
            else { return nil }
            values[index] = changed
            return .array(values)
        default:
            return nil
        }
    }
}
