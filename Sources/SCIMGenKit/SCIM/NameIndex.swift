/// Positions of names in a list, compared without case: a lookup that costs the same for a schema
/// of ten attributes as for one of ten thousand, so that resolving every row of a table stays linear.
///
/// It is derived from the list it indexes, so it never changes what its owner equals or hashes to:
/// any two indexes are equal.
struct NameIndex: Sendable, Hashable {
    private let positions: [String: Int]

    /// Indexes `names`; where two differ only in case, the first wins, as a linear search would.
    init(_ names: [String]) {
        var positions: [String: Int] = [:]
        positions.reserveCapacity(names.count)
        for (position, name) in names.enumerated() where positions[name.lowercased()] == nil {
            positions[name.lowercased()] = position
        }
        self.positions = positions
    }

    /// The position of `name`, ignoring case.
    func position(of name: String) -> Int? { positions[name.lowercased()] }

    static func == (_: NameIndex, _: NameIndex) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}
