namespace Portal.Infrastructure.Content;

/// <summary>The content folder is invalid; <see cref="Errors"/> holds every problem found, not just the first.</summary>
public sealed class ContentValidationException(IReadOnlyList<ContentError> errors) : Exception(Describe(errors))
{
    public IReadOnlyList<ContentError> Errors { get; } = errors;

    private static string Describe(IReadOnlyList<ContentError> errors) =>
        $"content/ has {errors.Count} error{(errors.Count == 1 ? "" : "s")}:\n" + string.Join('\n', errors);
}
