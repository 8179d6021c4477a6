// MARK: - Typed views of a node's value

extension JSONNode {
    /// The string, or nil when the value is not a string.
    public var stringValue: String? {
        if case .string(let string) = value { return string }
        return nil
    }

    /// The boolean, or nil when the value is not `true` or `false`.
    public var boolValue: Bool? {
        if case .bool(let bool) = value { return bool }
        return nil
    }

    /// The number as an `Int`, or nil when the value is not a number, not an exact integer, or out of range.
    ///
    /// Exactness is judged on the decimal text, so `12`, `12.0` and `1.2e1` give 12 and `12.5` or
    /// `1e-1` give nil; no floating-point rounding is involved.
    public var intValue: Int? {
        if case .number(let text) = value { return Self.exactInteger(text) }
        return nil
    }

    /// The number as a finite `Double`, or nil when the value is not a number or overflows a `Double`.
    public var doubleValue: Double? {
        if case .number(let text) = value, let double = Double(text), double.isFinite { return double }
        return nil
    }

    /// The literal text of a number, or nil when the value is not a number.
    public var numberText: String? {
        if case .number(let text) = value { return text }
        return nil
    }

    /// The elements, or nil when the value is not an array.
    public var arrayValue: [JSONNode]? {
        if case .array(let elements) = value { return elements }
        return nil
    }

    /// The members in source order, or nil when the value is not an object.
    public var objectMembers: [JSONMember]? {
        if case .object(let members) = value { return members }
        return nil
    }

    /// Whether the value is `null`.
    public var isNull: Bool { value == .null }

    /// The first member with this key, or nil when there is none or the value is not an object.
    public func member(named key: String) -> JSONMember? {
        objectMembers?.first { $0.key == key }
    }

    /// Members whose key already appeared earlier in the same object, for a "duplicate key" diagnostic.
    public var duplicateMembers: [JSONMember] {
        guard let members = objectMembers else { return [] }
        var seen = Set<String>()
        return members.filter { !seen.insert($0.key).inserted }
    }

    /// The kind of value for messages, such as "a string" in `expected a string, found an object`.
    public var kindName: String { value.kindName }
}

extension JSONNode.Kind {
    /// The kind of value for messages: "null", "a boolean", "a number", "a string", "an array" or "an object".
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

private extension JSONNode {
    /// The integer a JSON number literal denotes, worked out on its digits; nil if it has a fraction or
    /// does not fit in `Int`.
    static func exactInteger(_ text: String) -> Int? {
        if let plain = Int(text) { return plain }
        var bytes = Substring(text).utf8[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        var digits: [UInt8] = []
        var fractionDigits = 0
        var inFraction = false
        while let byte = bytes.first, byte != UInt8(ascii: "e"), byte != UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if byte == UInt8(ascii: ".") {
                inFraction = true
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                digits.append(byte)
                if inFraction { fractionDigits += 1 }
            } else {
                return nil
            }
        }
        var exponent = 0
        if !bytes.isEmpty {
            bytes = bytes.dropFirst()
            var exponentNegative = false
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                exponentNegative = sign == UInt8(ascii: "-")
                bytes = bytes.dropFirst()
            }
            guard !bytes.isEmpty else { return nil }
            for byte in bytes {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                // Any exponent past a few digits is out of range either way; stop before overflowing.
                exponent = min(exponent * 10 + Int(byte - UInt8(ascii: "0")), 1_000_000)
            }
            if exponentNegative { exponent = -exponent }
        }
        while digits.first == UInt8(ascii: "0") { digits.removeFirst() }
        if digits.isEmpty { return 0 }
        exponent -= fractionDigits
        while exponent < 0, digits.last == UInt8(ascii: "0") {
            digits.removeLast()
            exponent += 1
        }
        guard exponent >= 0, digits.count + exponent <= 19 else { return nil }
        digits.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: exponent))
        return Int((negative ? "-" : "") + String(decoding: digits, as: UTF8.self))
    }
}
