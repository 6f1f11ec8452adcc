namespace Portal.Infrastructure.Content;

/// <param name="Html">The lesson's text, rendered and sanitised once at load.</param>
public sealed record Lesson(int Number, string Title, string Html);
