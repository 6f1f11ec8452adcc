namespace Portal.Infrastructure.Content;

/// <param name="Html">The lesson's text, rendered and sanitised once at load.</param>
public sealed record Lesson(int Number, string Title, string Html)
{
    /// <summary>The addresses of the lesson's images, which a phone keeping the lesson keeps too.</summary>
    public IReadOnlyList<string> Images { get; init; } = [];
}
