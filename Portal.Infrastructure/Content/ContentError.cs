namespace Portal.Infrastructure.Content;

/// <summary>One problem in the content folder. File is relative to the content root with forward slashes.</summary>
public sealed record ContentError(string File, int Line, string Message)
{
    // The file:line: prefix is what editors and CI logs turn into a clickable link.
    public override string ToString() => $"{File}:{Line}: {Message}";
}
