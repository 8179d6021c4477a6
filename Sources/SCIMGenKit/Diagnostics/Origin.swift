/// Where a descriptor value came from, carried for messages but ignored by equality.
///
/// Two descriptors that differ only in where their rows sit in the file are the same
/// descriptor, so `diff` and tests compare facts, not positions.
public struct Origin: Hashable, Sendable {
    /// The location of the value in its file, when it was read from one.
    public var location: SourceLocation?
    /// The escapes of a string value, so that a character of its text can be located.
    public var escapes: [JSONStringEscape]

    /// Creates an origin.
    public init(_ location: SourceLocation? = nil, escapes: [JSONStringEscape] = []) {
        self.location = location
        self.escapes = escapes
    }

    /// The origin of a JSON value read from `file`.
    public init(_ node: JSONNode, in file: String) {
        self.init(node.location(in: file), escapes: node.escapes)
    }

    /// Where the character at 0-based Unicode scalar `index` of a string value's text is: after
    /// the opening quote, each escape counted as the characters it is written with (`\"` as two).
    public func location(ofCharacter index: Int) -> SourceLocation? {
        guard var location else { return nil }
        location.column += 1 + JSONStringEscape.sourceOffset(of: index, in: escapes)
        return location
    }

    public static func == (lhs: Origin, rhs: Origin) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}

/// Where each key of a descriptor was read, by dotted path (`learn.date`, `groups`), for messages
/// about facts that have no row of their own. Ignored by equality, as `Origin` is.
public struct KeyLocations: Hashable, Sendable {
    /// One key's value: its dotted path and where it starts.
    public struct Entry: Hashable, Sendable {
        /// The dotted path, such as `capabilities.groups`.
        public var path: String
        /// The 1-based line.
        public var line: Int32
        /// The 1-based column.
        public var column: Int32
    }

    /// The file every entry is in.
    public var file: String
    /// Every key read outside arrays, in reading order: a list, not a dictionary, because it is
    /// written for every descriptor and read only for a message.
    public var entries: [Entry]

    /// The dotted paths of values that could not be read, such as `capabilities.groups`.
    public var damaged: Set<String>

    /// Creates a map.
    public init(file: String = "", entries: [Entry] = [], damaged: Set<String> = []) {
        self.file = file
        self.entries = entries
        self.damaged = damaged
    }

    /// The location of the value at `path`, such as `capabilities.groups`.
    public subscript(path: String) -> SourceLocation? {
        entries.first { $0.path == path }.map { SourceLocation(file: file, line: Int($0.line), column: Int($0.column)) }
    }

    /// Whether the value at `path`, or anything inside it, could not be read: its value in the
    /// descriptor is then a default, and checks that depend on it say nothing.
    public func isDamaged(_ path: String) -> Bool {
        damaged.contains { $0 == path || $0.hasPrefix(path + ".") || $0.hasPrefix(path + "[") }
    }

    public static func == (lhs: KeyLocations, rhs: KeyLocations) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}

/// The `$comment`s of a descriptor file by the dotted path of the object that holds each (`""` for
/// the top, `scim`, `users.attributes[2]`), so that the codec writes them back where they were.
///
/// Comments are for people: they change no output, so equality ignores them, as it does `Origin`.
public struct Comments: Hashable, Sendable {
    /// Each comment's lines by object path: one line is written as a string, several as an array.
    public var byPath: [String: [String]]

    /// Creates comments.
    public init(_ byPath: [String: [String]] = [:]) { self.byPath = byPath }

    /// The comment of the object at `path`.
    public subscript(path: String) -> [String]? {
        get { byPath[path] }
        set { byPath[path] = newValue }
    }

    public static func == (lhs: Comments, rhs: Comments) -> Bool { true }
    public func hash(into hasher: inout Hasher) {}
}
