import Mustache

/// Checks templates against the data they are given, before anything is rendered: a name that no
/// descriptor can fill (`{{ap}}` for `{{app}}`) is an error located at its tag, with a did-you-mean.
///
/// The data's shape is that of the sample descriptor, which sets every field, so a name is known
/// exactly when some descriptor could give it a value.
public enum TemplateNames {
    /// Every unknown name in the shared templates and in each vendor's overrides.
    public static func problems(
        shared: TemplateLibrary, overrides: [String: TemplateLibrary], vendors: [ResolvedVendor]
    ) -> [Diagnostic] {
        // The sample sets every field of the format, and the data templates see has a key for a
        // field exactly when it is set, so the sample's data has every key any vendor's can have
        // (ResolvedVendorTests holds the sample valid). Only if it could not be checked do the
        // vendors' own data stand in, one at a time.
        let samples = (try? ResolvedVendor(checking: VendorDescriptor.sample)).map { [$0] } ?? vendors
        var tutorial = MustacheValue.object([:])
        for vendor in samples { tutorial = MustacheValue.shape(of: [tutorial, TutorialContext.make(vendor)]) }
        let index = SiteIndex.context(for: samples)
        var libraries = [shared]
        for id in overrides.keys.sorted() { libraries.append(shared.overlaying(overrides[id]!)) }
        var found = Set<Diagnostic>()
        for library in libraries {
            let unknown = library.unknownNames(in: TutorialOutput.tutorialTemplate, shape: tutorial)
                + library.unknownNames(in: TutorialOutput.helpPageTemplate, shape: tutorial)
                + library.unknownNames(in: SiteIndex.template, shape: index)
            for name in unknown { found.insert(diagnostic(name)) }
        }
        return found.sorted(by: diagnosticOrder)
    }

    static func diagnostic(_ name: UnknownName) -> Diagnostic {
        var message = "unknown name '\(name.part)'"
        if name.part != name.name { message += " in '\(name.name)'" }
        message += "; no descriptor gives the templates a value of that name"
        if let guess = Suggestion.closest(to: name.part, in: name.candidates) { message += "; did you mean '\(guess)'?" }
        return Diagnostic(.error, message, at: SourceLocation(file: name.file, line: name.line, column: name.column))
    }
}
