namespace Portal.Infrastructure.Content;

/// <summary>The content folder is invalid; <see cref="Errors"/> holds every problem found, not just the first.</summary>
public sealed class ContentValidationException(IReadOnlyList<ContentError> errors, IReadOnlyList<ContentWarning>? warnings = null)
    : Exception(Describe(errors))
{
    public IReadOnlyList<ContentError> Errors { get; } = errors;

    /// <summary>Warnings found in the same pass, so an author sees them alongside the errors.</summary>
    public IReadOnlyList<ContentWarning> Warnings { get; } = warnings ?? [];

    private static string Describe(IReadOnlyList<ContentError> errors) =>
        $"content/ has {errors.Count} error{(errors.Count == 1 ? "" : "s")}:\n" + string.Join('\n', errors);
}
