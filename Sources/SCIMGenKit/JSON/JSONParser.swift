import Foundation

/// Reads strict RFC 8259 JSON into `JSONNode`s that remember their line and column.
///
/// Choices where the RFC leaves room, made to catch mistakes in hand-written files rather than guess:
/// a UTF-8 byte order mark is rejected with a message saying so; a `\u` escape of an unpaired UTF-16
/// surrogate is rejected (Swift strings cannot hold one, and replacing it would change the data);
/// duplicate keys are kept for the caller to judge; nesting and size are bounded by `JSONLimits`.
/// The parser keeps its own stack, so no input can overflow the call stack.
public enum JSONParser {
    /// Parses a UTF-8 buffer holding exactly one JSON value (with surrounding whitespace).
    public static func parse(_ bytes: [UInt8], limits: JSONLimits = .default) throws(JSONSyntaxError) -> JSONNode {
        let result = bytes.withUnsafeBufferPointer { buffer in parseResult(buffer, limits: limits) }
        return try result.get()
    }

    /// Parses UTF-8 data holding exactly one JSON value, such as the contents of a file.
    public static func parse(_ data: Data, limits: JSONLimits = .default) throws(JSONSyntaxError) -> JSONNode {
        let result = data.withUnsafeBytes { raw in
            parseResult(raw.bindMemory(to: UInt8.self), limits: limits)
        }
        return try result.get()
    }

    /// Parses a string holding exactly one JSON value; positions are those of its UTF-8 encoding.
    public static func parse(_ text: String, limits: JSONLimits = .default) throws(JSONSyntaxError) -> JSONNode {
        var text = text
        let result = text.withUTF8 { buffer in parseResult(buffer, limits: limits) }
        return try result.get()
    }
}

private extension JSONParser {
    // The buffer closures of the standard library and Foundation do not all carry typed throws, so the
    // error travels out of them as a Result.
    static func parseResult(_ buffer: UnsafeBufferPointer<UInt8>, limits: JSONLimits) -> Result<JSONNode, JSONSyntaxError> {
        var scanner = JSONScanner(bytes: buffer, limits: limits)
        do {
            return .success(try scanner.parseDocument())
        } catch {
            return .failure(error)
        }
    }
}
