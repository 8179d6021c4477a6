import Foundation
import XCTest
@testable import SCIMGenKit

/// `attribute-mappings.csv` read back by Python's `csv` module (`Tests/Tools/check_csv.py`) and
/// compared with the descriptors it came from.
final class EntraMappingCSVTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("entra-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes each CSV to the scratch folder and returns the rows Python read, header first.
    private func readBack(_ files: [String: [UInt8]], file: StaticString = #filePath, line: UInt = #line) throws
        -> [String: [[String]]]
    {
        var paths: [String: String] = [:]
        for (name, bytes) in files {
            let url = folder.appendingPathComponent(name.replacingOccurrences(of: "/", with: "_"))
            try Data(bytes).write(to: url)
            paths[url.path] = name
        }
        let output = try runChecker(paths.keys.sorted(), file: file, line: line)
        let parsed = try JSONParser.parse(Array(output.utf8))
        var result: [String: [[String]]] = [:]
        for member in parsed.objectMembers ?? [] {
            let rows = (member.value.arrayValue ?? []).map { ($0.arrayValue ?? []).map { $0.stringValue ?? "<not a string>" } }
            result[paths[member.key] ?? member.key] = rows
        }
        XCTAssertEqual(result.keys.sorted(), files.keys.sorted(), file: file, line: line)
        return result
    }

    /// Runs the checker; a missing Python fails the test with instructions, never skips it.
    private func runChecker(_ arguments: [String], file: StaticString, line: UInt) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Repository.root.appendingPathComponent("Tests/Tools/check_csv.py").path] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            XCTFail("cannot start python3 through /usr/bin/env: \(error); install Python 3 to run this test", file: file, line: line)
            throw error
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 127 {
            XCTFail("python3 is not installed (\(err.trimmingCharacters(in: .whitespacesAndNewlines))); install Python 3 to run this test", file: file, line: line)
        }
        XCTAssertEqual(process.terminationStatus, 0, "check_csv.py: \(err)", file: file, line: line)
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Tests

    func testEveryVendorsCSVReadsBackAsItsDescriptor() throws {
        var files: [String: [UInt8]] = [:]
        for vendor in EntraTestSupport.vendors {
            let name = "\(vendor.id)/mappings/attribute-mappings.csv"
            files[name] = EntraMappingOutput.files(for: vendor)[name]
        }
        let read = try readBack(files)
        for vendor in EntraTestSupport.vendors {
            let rows = try XCTUnwrap(read["\(vendor.id)/mappings/attribute-mappings.csv"])
            XCTAssertEqual(rows.first, EntraMappingCSV.header)
            let actual = rows.dropFirst().map { Expected(csv: $0) }
            XCTAssertEqual(actual, Expected.rows(of: vendor.descriptor), vendor.id)
        }
    }

    func testQuotingRoundTripsThroughPython() throws {
        let vendor = try VendorDescriptor(
            id: "quotes", file: "vendor.json", name: "Quotes",
            credentials: Credentials(steps: [CredentialStep(text: "Copy the token.")]),
            users: AttributeTable(attributes: [
                AttributeMapping(path: "userName", type: .string, filterable: true, matching: 1),
                AttributeMapping(path: "title", type: .string, source: .constant("a, \"b\"\r\nc ü")),
                AttributeMapping(path: "nickName", type: .string, source: .expression("Join(\",\", [givenName], [surname])"), fieldRef: "x, \"y\""),
            ])).checked()
        let name = "quotes/mappings/attribute-mappings.csv"
        let bytes = try XCTUnwrap(EntraMappingOutput.files(for: vendor)[name])
        XCTAssertEqual(
            String(decoding: bytes, as: UTF8.self),
            EntraMappingCSV.header.joined(separator: ",") + "\r\n"
                + "User,userName,String,Attribute,userPrincipalName,entra,1,,true,Always,,,mapped\r\n"
                + "User,title,String,Constant,\"a, \"\"b\"\"\r\nc ü\",vendor,,,false,Always,,,mapped\r\n"
                + "User,nickName,String,Function,\"Join(\"\",\"\", [givenName], [surname])\",vendor,,,false,Always,,\"x, \"\"y\"\"\",mapped\r\n")
        let rows = try XCTUnwrap(try readBack([name: bytes])[name])
        XCTAssertEqual(rows.map { $0[4] }, ["source", "userPrincipalName", "a, \"b\"\r\nc ü", "Join(\",\", [givenName], [surname])"])
        XCTAssertEqual(rows.last?[11], "x, \"y\"")
    }

    func testBrokenCSVIsRejectedByTheChecker() throws {
        let url = folder.appendingPathComponent("bad.csv")
        try Data("a,b\r\n\"x,y\r\n".utf8).write(to: url)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Repository.root.appendingPathComponent("Tests/Tools/check_csv.py").path, url.path]
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1, "the checker must be able to fail")
    }
}

/// The columns a row must have, worked out from the descriptor without the output's code paths.
private struct Expected: Equatable, CustomStringConvertible {
    var object, target, type, source, matching, required, filterable, fieldRef, status: String

    init(object: String, target: String, type: String, source: String, matching: String, required: String,
         filterable: String, fieldRef: String, status: String) {
        (self.object, self.target, self.type, self.source) = (object, target, type, source)
        (self.matching, self.required, self.filterable, self.fieldRef, self.status) = (matching, required, filterable, fieldRef, status)
    }

    init(csv row: [String]) {
        let field = { (index: Int) in index < row.count ? row[index] : "<missing>" }
        self.init(
            object: field(0), target: field(1), type: field(2), source: field(4), matching: field(6), required: field(7),
            filterable: field(8), fieldRef: field(11), status: field(12))
    }

    var description: String { [object, target, type, source, matching, required, filterable, fieldRef, status].joined(separator: ",") }

    static func rows(of vendor: VendorDescriptor) -> [Expected] {
        var result: [Expected] = []
        let refs = Dictionary(
            (vendor.customFieldMappings?.allowedAttributes ?? []).map { ($0.path, $0.fieldRef ?? "") }, uniquingKeysWith: { a, _ in a })
        func add(_ table: AttributeTable, object: String, resource: SCIMResource) {
            for row in table.attributes {
                let source = row.source ?? EntraDefaultSources.source(for: row.path, in: resource)
                result.append(
                    Expected(
                        object: object, target: row.path, type: row.type.rawValue, source: text(source),
                        matching: row.matching.map(String.init) ?? "", required: row.required.map { "\($0)" } ?? "",
                        filterable: "\(row.filterable)", fieldRef: row.fieldRef ?? (resource == .user ? refs[row.path] ?? "" : ""),
                        status: source == nil ? "unmapped" : "mapped"))
            }
        }
        add(vendor.users, object: "User", resource: .user)
        for allowed in vendor.customFieldMappings?.allowedAttributes ?? [] where !vendor.users.attributes.contains(where: { $0.path == allowed.path }) {
            result.append(
                Expected(
                    object: "User", target: allowed.path, type: "String",
                    source: text(EntraDefaultSources.source(for: allowed.path, in: .user)), matching: "", required: "",
                    filterable: "", fieldRef: allowed.fieldRef ?? "", status: "on request"))
        }
        if let groups = vendor.groups { add(groups, object: "Group", resource: .group) }
        return result
    }

    static func text(_ source: MappingSource?) -> String {
        switch source {
        case .attribute(let name): return name
        case .expression(let text): return text
        case .constant(let value): return value
        case nil: return ""
        }
    }
}
