/// Mutates bytes the way fuzzers do: flips, deletions, duplications, splices and dictionary tokens
/// that matter to JSON, SCIM paths and Mustache.
struct Mutator {
    var random: SplitMix64
    static let tokens: [[UInt8]] = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "null", "true", "-0", "1e999", "\"$comment\"",
        "{{", "}}", "{{#", "{{/", "{{^", "{{>", "{{<", "{{$", "{{=<% %>=}}", "{{!", "|", "\n", "\r\n", "\u{0}",
        "[type eq \"work\"]", ".value", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:", " eq ", " or ",
        "\"path\"", "\"type\"", "\"attributes\"", "\"subAttributes\"", "..", "/", "\u{202E}", "😀", "\u{FEFF}",
    ].map { Array($0.utf8) }

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func int(_ bound: Int) -> Int { random.next(upTo: bound) }

    /// One to four mutations of `input`.
    mutating func mutate(_ input: [UInt8], donors: [[UInt8]]) -> [UInt8] {
        var bytes = input
        for _ in 0..<(1 + int(4)) {
            let at = int(bytes.count + 1)
            switch int(8) {
            case 0 where !bytes.isEmpty:
                bytes[min(at, bytes.count - 1)] ^= UInt8(1 << int(8))
            case 1 where !bytes.isEmpty:
                let end = min(bytes.count, at + 1 + int(64))
                bytes.removeSubrange(min(at, end)..<end)
            case 2:
                let token = Self.tokens[int(Self.tokens.count)]
                bytes.insert(contentsOf: token, at: at)
            case 3 where !bytes.isEmpty:
                let start = min(at, bytes.count - 1)
                let end = min(bytes.count, start + 1 + int(200))
                bytes.insert(contentsOf: bytes[start..<end], at: int(bytes.count + 1))
            case 4 where !donors.isEmpty:
                let donor = donors[int(donors.count)]
                let start = int(donor.count)
                let end = min(donor.count, start + int(400))
                bytes.insert(contentsOf: donor[start..<end], at: at)
            case 5:
                bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
            case 6 where !bytes.isEmpty:
                bytes = Array(bytes[..<min(at, bytes.count)])
            default:
                let token = Self.tokens[int(Self.tokens.count)]
                bytes.insert(contentsOf: Array(repeating: token, count: 1 + int(300)).joined(), at: at)
            }
        }
        return bytes
    }
}
