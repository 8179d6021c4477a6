/// Collects the changes between two versions of one vendor's descriptor by walking their encoded
/// values (`DescriptorCodec.encodeValue`), so that a field added to the format is compared with no
/// list to update here.
///
/// Items and fields are named as `vendor.json` names them (`filterable`, `bulk.maxOperations`,
/// `learn.date`), so that a reviewer finds the key behind a bullet. Elements of arrays are matched,
/// not compared by position: objects by the first identifying key they all have (`path` for
/// attribute rows, `id` for schemas, `name` for attributes, `type` for authentication schemes),
/// prose by its text (an edited sentence pairs up with the one it replaced), and the credential
/// `steps`, which are numbered, by aligning the two sequences. The top-level key picks the area;
/// keys the areas do not name are metadata. Areas come in declaration order; within an array, added
/// items, removed items, then changed ones, in document order.
struct VendorComparison {
    typealias Area = VendorSetDiff.Change.Area

    private(set) var changes: [VendorSetDiff.Change] = []

    /// The changes from `old` to `new`, ignoring where anything was written and any `$comment`.
    static func changes(old: VendorDescriptor, new: VendorDescriptor) -> [VendorSetDiff.Change] {
        let a = DescriptorCodec.encodeValue(old, includingDefaults: true)
        let b = DescriptorCodec.encodeValue(new, includingDefaults: true)
        var comparison = VendorComparison()
        for key in Self.keys(a, b) {
            let area = Area(key: key)
            let scope = Scope(area: area, item: area == .metadata ? nil : "", path: area == .metadata ? [key] : [], key: key)
            comparison.compare(a[key], b[key], scope)
        }
        let order = Dictionary(uniqueKeysWithValues: Area.allCases.enumerated().map { ($1, $0) })
        return comparison.changes.enumerated()
            .sorted { (order[$0.element.area]!, $0.offset) < (order[$1.element.area]!, $1.offset) }
            .map(\.element)
    }
}

extension VendorSetDiff.Change.Area {
    /// The area of a top-level descriptor key; keys no area names are metadata.
    init(key: String) {
        switch key {
        case "users": self = .userAttributes
        case "groups": self = .groupAttributes
        case "capabilities": self = .capabilities
        case "scim": self = .scimFeatures
        case "prerequisites": self = .prerequisites
        case "credentials": self = .credentialSteps
        case "notes": self = .notes
        case "assignmentTips": self = .assignmentTips
        case "provisioningScreenshots": self = .provisioningScreenshots
        case "extensions": self = .extensionSchemas
        case "customFieldMappings": self = .customFieldMappings
        default: self = .metadata
        }
    }
}

// MARK: - Walking

private extension VendorComparison {
    /// Where the walk is: the area, the item changes are recorded under (nil: the path names it),
    /// the key path below that item, and the key of the value being compared.
    struct Scope {
        var area: Area
        var item: String?
        var path: [String]
        var key: String
        var isLabel = false
        /// The identifying key of the element the item names, such as `id` for a schema.
        var identity: String?

        /// One key further down.
        func child(_ key: String) -> Scope {
            var scope = self
            scope.path.append(key)
            scope.key = key
            return scope
        }

        /// The item and field a value at this scope is recorded as.
        var place: (item: String, field: String?) {
            let dotted = path.joined(separator: ".")
            guard let item, !item.isEmpty else { return (dotted.isEmpty ? key : dotted, nil) }
            return (item, dotted.isEmpty ? nil : dotted)
        }
    }

    mutating func compare(_ old: JSONValue?, _ new: JSONValue?, _ scope: Scope) {
        switch (Self.orNil(old), Self.orNil(new)) {
        case (nil, nil):
            return
        case (.object(let a)?, .object(let b)?):
            compareObjects(a, b, scope)
        case (nil, .object(let b)?):
            // An object that is an item of its own (a group table, a help page) is said to appear;
            // one inside an item (a step's code) just shows its fields appearing.
            if scope.item?.isEmpty ?? true { append(scope.area, .added, scope.place.item) }
            compareObjects([], b, scope)
        case (.object(let a)?, nil):
            if scope.item?.isEmpty ?? true { append(scope.area, .removed, scope.place.item) }
            compareObjects(a, [], scope)
        case (.array(let a)?, .array(let b)?):
            compareArrays(a, b, scope)
        case (.array(let a)?, nil):
            compareArrays(a, [], scope)
        case (nil, .array(let b)?):
            compareArrays([], b, scope)
        case (let a, let b):
            let place = scope.place
            field(scope.area, place.item, place.field, a.flatMap(Self.text), b.flatMap(Self.text), isLabel: scope.isLabel)
        }
    }

    mutating func compareObjects(_ a: [JSONValue.Member], _ b: [JSONValue.Member], _ scope: Scope) {
        let old = JSONValue.object(a)
        let new = JSONValue.object(b)
        for key in Self.keys(old, new) { compare(old[key], new[key], scope.child(key)) }
    }

    mutating func compareArrays(_ a: [JSONValue], _ b: [JSONValue], _ scope: Scope) {
        let all = a + b
        guard !all.isEmpty else { return }
        if all.allSatisfy({ if case .object = $0 { return true } else { return false } }) {
            if let identity = ["path", "id", "name", "type"].first(where: { key in all.allSatisfy { $0[key] != nil } }) {
                compareIdentified(a, b, by: identity, scope)
            } else if scope.key == "steps" {
                compareSteps(a, b, scope)
            } else {
                compareProse(a, b, text: { $0["text"].flatMap(Self.text) ?? Self.text($0) ?? "" }, scope)
            }
        } else if all.contains(where: { (Self.text($0)?.count ?? 0) > Self.proseLength }) {
            compareProse(a, b, text: { Self.text($0) ?? "" }, scope)
        } else {
            let place = scope.place
            field(scope.area, place.item, place.field, Self.list(a), Self.list(b), isLabel: scope.isLabel)
        }
    }

    /// Elements with an identifying key: added, removed, reordered, then each common one field by field.
    mutating func compareIdentified(_ a: [JSONValue], _ b: [JSONValue], by identity: String, _ scope: Scope) {
        let name = { (element: JSONValue) -> String in
            let value = element[identity].flatMap(Self.text) ?? ""
            // `path` and `id` name an element across the descriptor; a name or a type only inside its parent.
            if identity == "path" || identity == "id" { return value }
            guard let parent = scope.item, !parent.isEmpty else { return "\(scope.path.joined(separator: ".")).\(value)" }
            return parent + (scope.identity == "id" ? ":" : ".") + value
        }
        let pairs = Self.pair(a, b, key: { $0[identity].flatMap(Self.text) ?? "" })
        for element in pairs.added { append(scope.area, .added, name(element), new: Self.detail(element, besides: identity)) }
        for element in pairs.removed { append(scope.area, .removed, name(element), old: Self.detail(element, besides: identity)) }
        if !pairs.common.map(\.oldIndex).isAscending {
            append(scope.area, .changed, "order of \(scope.path.last ?? scope.key)", isLabel: true)
        }
        for (_, x, y) in pairs.common {
            compareElement(x, y, Scope(area: scope.area, item: name(y), path: [], key: scope.key, identity: identity), skipping: identity)
        }
    }

    /// Numbered steps: aligned as sequences, named by their number in the new list.
    mutating func compareSteps(_ a: [JSONValue], _ b: [JSONValue], _ scope: Scope) {
        let text = { (element: JSONValue) in element["text"].flatMap(Self.text) ?? "" }
        for step in Self.alignSteps(a.map(text), b.map(text)) {
            switch step {
            case .added(let j): append(scope.area, .added, "step \(j + 1)", new: text(b[j]), isLabel: true)
            case .removed(let i): append(scope.area, .removed, "step \(i + 1)", old: text(a[i]), isLabel: true)
            case .common(let i, let j):
                compareElement(a[i], b[j], Scope(area: scope.area, item: "step \(j + 1)", path: [], key: scope.key, isLabel: true))
            }
        }
    }

    /// Prose matched by its text; an edited sentence pairs up with the one it replaced.
    mutating func compareProse(_ a: [JSONValue], _ b: [JSONValue], text: (JSONValue) -> String, _ scope: Scope) {
        let pairs = Self.pairingEdits(Self.pair(a, b, key: text), text: text)
        for element in pairs.added { append(scope.area, .added, text(element), new: Self.detail(element, besides: "text")) }
        for element in pairs.removed { append(scope.area, .removed, text(element), old: Self.detail(element, besides: "text")) }
        for (_, x, y) in pairs.common {
            let item = Scope(area: scope.area, item: text(y), path: [], key: scope.key)
            if case .object = y {
                compareElement(x, y, item)
            } else {
                field(scope.area, text(y), "text", text(x), text(y))
            }
        }
    }

    mutating func compareElement(_ x: JSONValue, _ y: JSONValue, _ scope: Scope, skipping identity: String? = nil) {
        for key in Self.keys(x, y) where key != identity { compare(x[key], y[key], scope.child(key)) }
    }
}

// MARK: - Recording

private extension VendorComparison {
    mutating func append(
        _ area: Area, _ kind: VendorSetDiff.Change.Kind, _ item: String, old: String? = nil, new: String? = nil,
        isLabel: Bool = false
    ) {
        changes.append(
            VendorSetDiff.Change(area: area, kind: kind, item: item, field: nil, old: old, new: new, isLabel: isLabel))
    }

    /// Records a changed field when the two values differ.
    mutating func field(
        _ area: Area, _ item: String, _ field: String?, _ old: String?, _ new: String?, isLabel: Bool = false
    ) {
        guard old != new else { return }
        changes.append(
            VendorSetDiff.Change(area: area, kind: .changed, item: item, field: field, old: old, new: new, isLabel: isLabel))
    }
}

// MARK: - Matching

extension VendorComparison {
    /// Items of two lists matched by key; the k-th item with a key matches the k-th one in the other list.
    struct Pairing<Element> {
        var added: [Element] = []
        var removed: [Element] = []
        /// In the new list's order, with each old item's position.
        var common: [(oldIndex: Int, old: Element, new: Element)] = []
    }

    static func pair<Element>(_ old: [Element], _ new: [Element], key: (Element) -> String) -> Pairing<Element> {
        var waiting: [String: [Int]] = [:]
        for (index, element) in old.enumerated() { waiting[key(element), default: []].append(index) }
        var cursor: [String: Int] = [:]
        var matched = Set<Int>()
        var result = Pairing<Element>()
        for element in new {
            let k = key(element)
            let next = cursor[k, default: 0]
            if let indices = waiting[k], next < indices.count {
                cursor[k] = next + 1
                matched.insert(indices[next])
                result.common.append((indices[next], old[indices[next]], element))
            } else {
                result.added.append(element)
            }
        }
        result.removed = old.indices.filter { !matched.contains($0) }.map { old[$0] }
        return result
    }

    /// Prose matched by its text leaves an edited sentence as one removed and one added item; those
    /// that share at least a third of their words pair up again, so that the edit shows word by word.
    static func pairingEdits<Element>(_ pairing: Pairing<Element>, text: (Element) -> String) -> Pairing<Element> {
        var result = pairing
        var added: [Element] = []
        var removed = pairing.removed
        for element in pairing.added {
            if let index = removed.firstIndex(where: { OutputDiff.similar(text($0), text(element)) }) {
                result.common.append((-1, removed.remove(at: index), element))
            } else {
                added.append(element)
            }
        }
        result.added = added
        result.removed = removed
        return result
    }

    /// One step of aligning two ordered lists.
    enum Alignment: Equatable {
        case removed(Int), added(Int), common(Int, Int)
    }

    /// Aligns steps by a longest common subsequence of their texts; within a gap between equal texts,
    /// old and new steps pair up in order as edited steps and the rest are removed or added.
    static func alignSteps(_ old: [String], _ new: [String]) -> [Alignment] {
        var anchors: [(Int, Int)] = []
        // The table is quadratic; beyond a sane size every step pairs up by position instead.
        if old.count * new.count <= 250_000 {
            let n = old.count, m = new.count
            var length = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    length[i][j] = old[i] == new[j] ? length[i + 1][j + 1] + 1 : max(length[i + 1][j], length[i][j + 1])
                }
            }
            var i = 0, j = 0
            while i < n, j < m {
                if old[i] == new[j] {
                    anchors.append((i, j))
                    i += 1
                    j += 1
                } else if length[i + 1][j] >= length[i][j + 1] {
                    i += 1
                } else {
                    j += 1
                }
            }
        }
        var result: [Alignment] = []
        var i = 0, j = 0
        for (ai, aj) in anchors + [(old.count, new.count)] {
            result += alignGap(old, i..<ai, new, j..<aj)
            if ai < old.count, aj < new.count { result.append(.common(ai, aj)) }
            i = ai + 1
            j = aj + 1
        }
        return result
    }

    /// Steps between two equal ones: as many on both sides are edited in place; otherwise the
    /// similar ones (sharing at least a third of their words) pair up and the rest are removed or added.
    private static func alignGap(_ old: [String], _ a: Range<Int>, _ new: [String], _ b: Range<Int>) -> [Alignment] {
        if a.count == b.count { return zip(a, b).map { .common($0, $1) } }
        if a.isEmpty || b.isEmpty || a.count * b.count > 10_000 {
            let shared = min(a.count, b.count)
            return zip(a, b).map { .common($0, $1) } + a.dropFirst(shared).map { .removed($0) }
                + b.dropFirst(shared).map { .added($0) }
        }
        let words = { (text: String) in Set(text.lowercased().split(whereSeparator: \.isWhitespace)) }
        let oldWords = a.map { words(old[$0]) }, newWords = b.map { words(new[$0]) }
        func similarity(_ x: Int, _ y: Int) -> Double {
            let union = oldWords[x].union(newWords[y]).count
            return union == 0 ? 1 : Double(oldWords[x].intersection(newWords[y]).count) / Double(union)
        }
        // best[x][y]: the largest total similarity pairing old[x...] with new[y...] in order.
        var best = [[Double]](repeating: [Double](repeating: 0, count: b.count + 1), count: a.count + 1)
        for x in stride(from: a.count - 1, through: 0, by: -1) {
            for y in stride(from: b.count - 1, through: 0, by: -1) {
                let s = similarity(x, y)
                best[x][y] = max(best[x + 1][y], best[x][y + 1], s >= 1.0 / 3 ? best[x + 1][y + 1] + s : 0)
            }
        }
        var result: [Alignment] = []
        var x = 0, y = 0
        while x < a.count, y < b.count {
            let s = similarity(x, y)
            if s >= 1.0 / 3, best[x][y] == best[x + 1][y + 1] + s {
                result.append(.common(a.lowerBound + x, b.lowerBound + y))
                x += 1
                y += 1
            } else if best[x][y] == best[x + 1][y] {
                result.append(.removed(a.lowerBound + x))
                x += 1
            } else {
                result.append(.added(b.lowerBound + y))
                y += 1
            }
        }
        result += (x..<a.count).map { .removed(a.lowerBound + $0) } + (y..<b.count).map { .added(b.lowerBound + $0) }
        return result
    }
}

// MARK: - Values as text

extension VendorComparison {
    /// A list of strings is prose (matched item by item) when one of them is longer than this;
    /// a list of short names (`Okta, OneLogin`) is one value.
    static let proseLength = 40

    /// The keys of two objects in the format's order (a key only the old one has stays where it
    /// was), without comments.
    static func keys(_ a: JSONValue, _ b: JSONValue) -> [String] {
        func names(_ value: JSONValue) -> [String] {
            guard case .object(let members) = value else { return [] }
            return members.map(\.key).filter { $0 != "$comment" }
        }
        var keys = names(b)
        var seen = Set(keys)
        var position = 0
        for key in names(a) {
            if let index = keys.firstIndex(of: key) {
                position = index + 1
            } else if seen.insert(key).inserted {
                keys.insert(key, at: position)
                position += 1
            }
        }
        return keys
    }

    static func orNil(_ value: JSONValue?) -> JSONValue? {
        if case .null? = value { return nil }
        return value
    }

    /// A scalar as a reviewer reads it: `yes` / `no`, numbers and strings as written; nil for null.
    static func text(_ value: JSONValue) -> String? {
        switch value {
        case .null: nil
        case .bool(let flag): flag ? "yes" : "no"
        case .number(let literal): literal
        // An empty string says as little as no value; `language: ""` is no language.
        case .string(let string): string.isEmpty ? nil : string
        case .array(let values): list(values)
        case .object: String(decoding: JSONWriter.writeBytes(value), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// A list of scalars as `a, b`; nil when empty.
    static func list(_ values: [JSONValue]) -> String? {
        values.isEmpty ? nil : values.compactMap(text).joined(separator: ", ")
    }

    /// What an added or removed element is, in a word: its type, name, kind or field ref
    /// (`tip in credentials` for a note).
    static func detail(_ element: JSONValue, besides identity: String) -> String? {
        if let kind = element["kind"].flatMap(text), let section = element["section"].flatMap(text) {
            return "\(kind) in \(section)"
        }
        return ["type", "name", "kind", "fieldRef"].lazy.filter { $0 != identity }.compactMap { element[$0].flatMap(text) }.first
    }
}

private extension Array where Element == Int {
    var isAscending: Bool { zip(self, dropFirst()).allSatisfy { $0 < $1 } }
}
