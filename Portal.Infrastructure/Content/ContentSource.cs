namespace Portal.Infrastructure.Content;

/// <summary>A published document that backs the facts in a content file: its title and where to read it.</summary>
public sealed record ContentSource(string Title, Uri Url);
