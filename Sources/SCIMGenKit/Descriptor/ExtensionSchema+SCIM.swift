extension ExtensionSchema {
    /// The extension as a SCIM schema definition, for path resolution and `/Schemas`.
    public var schemaDefinition: SCIMSchemaDefinition {
        SCIMSchemaDefinition(id: id, name: name, description: description, attributes: attributes.map(\.definition))
    }
}

extension ExtensionAttribute {
    /// The attribute with every RFC 7643 characteristic filled in.
    public var definition: SCIMAttributeDefinition {
        SCIMAttributeDefinition(
            name: name, type: type.scimType, multiValued: multiValued, description: description, required: required,
            caseExact: caseExact, mutability: mutability.scimMutability, returned: .default, uniqueness: .none,
            canonicalValues: canonicalValues, referenceTypes: referenceTypes,
            subAttributes: subAttributes.map(\.definition))
    }
}

extension ExtensionAttribute.Kind {
    /// The RFC 7643 type.
    public var scimType: SCIMAttributeType {
        switch self {
        case .string: return .string
        case .boolean: return .boolean
        case .decimal: return .decimal
        case .integer: return .integer
        case .dateTime: return .dateTime
        case .binary: return .binary
        case .reference: return .reference
        case .complex: return .complex
        }
    }
}

extension ExtensionAttribute.Mutability {
    /// The RFC 7643 mutability.
    public var scimMutability: SCIMMutability {
        switch self {
        case .readOnly: return .readOnly
        case .readWrite: return .readWrite
        case .immutable: return .immutable
        case .writeOnly: return .writeOnly
        }
    }
}
