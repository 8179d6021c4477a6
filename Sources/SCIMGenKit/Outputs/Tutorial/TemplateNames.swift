import Mustache

/// Checks templates against the data they are given, before anything is rendered: a name that no
/// descriptor can fill (`{{ap}}` for `{{app}}`) is an error located at its tag, with a did-you-mean.
///
/// The data's shape is that of the sample descriptor (every field set) and of every vendor loaded,
/// so a name is known exactly when some descriptor could give it a value.
public enum TemplateNames {
    /// Every unknown name in the shared templates and in each vendor's overrides.
    public static func problems(
        shared: TemplateLibrary, overrides: [String: TemplateLibrary], vendors: [ResolvedVendor]
    ) -> [Diagnostic] {
        var samples = vendors
        // The sample validates (ResolvedVendorTests.testTheSampleDescriptorValidates holds it to that).
        if let sample = try? ResolvedVendor(checking: VendorDescriptor.sample) { samples.append(sample) }
        let tutorial = MustacheValue.shape(of: samples.map(TutorialContext.make))
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
