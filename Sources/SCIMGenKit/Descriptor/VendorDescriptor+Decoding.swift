extension VendorDescriptor {
    /// Reads a descriptor from its bytes with `DescriptorCodec`, reporting every structural
    /// problem with its location.
    ///
    /// - Returns: whatever could be read (nil only when the file is not a JSON object; with errors
    ///   beside it, unusable values are defaults), and every diagnostic.
    public static func decode(id: String, file: String, bytes: [UInt8]) -> (VendorDescriptor?, [Diagnostic]) {
        DescriptorCodec.decode(id: id, file: file, bytes: bytes)
    }

    /// The descriptor as its canonical file, written by `DescriptorCodec`.
    public func encoded() -> [UInt8] { DescriptorCodec.encode(self) }
}
