using Portal.Tests.Common;

namespace Portal.Web.Tests.Support;

/// <summary>A portal reading its own copy of the shipped content, which a test may edit and reload; deleted afterwards.</summary>
public class ContentCopyFactory : PortalWebFactory
{
    public string ContentCopy { get; } = CopyContent();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Content:Path"] = ContentCopy };

    private static string CopyContent()
    {
        var target = Directory.CreateTempSubdirectory("portal-content-copy-").FullName;
        var source = Path.Combine(TestEnvironment.RepositoryRoot(), "content");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        // The factory is disposed both synchronously and asynchronously; the second time finds nothing to delete.
        if (disposing && Directory.Exists(ContentCopy))
            Directory.Delete(ContentCopy, recursive: true);
    }
}
