namespace Portal.Infrastructure.Content;

/// <summary>
/// Something in the content folder an author should fix soon, but that does not stop the site: the
/// facts may still be right, and refusing to start over a date would take the whole portal down.
/// </summary>
public sealed record ContentWarning(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: warning: {Message}";
}
