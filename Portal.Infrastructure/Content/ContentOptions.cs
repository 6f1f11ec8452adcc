namespace Portal.Infrastructure.Content;

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>
    /// The content folder. Relative paths are resolved against the app's content root.
    /// Unset means content/ inside the content root, or beside it (where dotnet run from Portal.Web/ finds it).
    /// </summary>
    public string? Path { get; set; }

    /// <summary>Who runs the portal, written into the privacy notice and accessibility statement.</summary>
    public OperatorDetails Operator { get; set; } = new();
}
