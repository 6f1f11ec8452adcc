using Portal.Tests.Common;

namespace Portal.Web.Tests.Support;

/// <summary>A portal reading its own copy of the shipped content, which a test may edit and reload; deleted afterwards.</summary>
public class ContentCopyFactory : PortalWebFactory
{
    public string ContentCopy { get; } = TestEnvironment.CopyContent("portal-content-copy-");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Content:Path"] = ContentCopy };

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // The factory is disposed both synchronously and asynchronously; the second time finds nothing to delete.
        if (disposing && Directory.Exists(ContentCopy))
            Directory.Delete(ContentCopy, recursive: true);
    }
}
