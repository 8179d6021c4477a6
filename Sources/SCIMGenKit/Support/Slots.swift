import Foundation

/// One result per index, filled from concurrent workers and read once they are done.
///
/// Work split with `DispatchQueue.concurrentPerform` writes each result to its own index, so
/// the gathered order is the input order, whatever the scheduling.
final class Slots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Value?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return storage[index]
        }
        set {
            lock.lock()
            storage[index] = newValue
            lock.unlock()
        }
    }

    /// Every slot, in index order.
    var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
