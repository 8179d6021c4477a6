/// The file a schema is published in under `scim/Schemas/`: its URN with every `:` written `_`,
/// plus `.json`.
///
/// `urn:ietf:params:scim:schemas:core:2.0:User` is `urn_ietf_params_scim_schemas_core_2.0_User.json`
/// and `urn:ietf:params:scim:schemas:extension:enterprise:2.0:User` is
/// `urn_ietf_params_scim_schemas_extension_enterprise_2.0_User.json`. A colon is refused by Windows
/// and shown as `/` by the macOS Finder; the URL keeps the URN as it is (`/Schemas/urn:…:User`),
/// and `routes.json` and `nginx.conf` tie the two together. Extension ids hold only letters,
/// digits, `:`, `.`, `_` and `-` (`ExtensionValidator`); anything else would be written `_` too, so
/// every name is safe on every system, and the validator refuses two schemas of one vendor whose
/// names would be the same.
public enum SCIMFileName {
    /// The file name of schema `id`, without its folder.
    public static func schema(_ id: String) -> String {
        var name = ""
        for scalar in id.unicodeScalars {
            let kept = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "." || scalar == "-" || scalar == "_"
            name.unicodeScalars.append(kept ? scalar : "_")
        }
        return name + ".json"
    }
}
