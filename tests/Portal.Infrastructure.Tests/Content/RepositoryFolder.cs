namespace Portal.Infrastructure.Tests.Content;

internal static class RepositoryFolder
{
    /// <summary>The folder holding Portal.sln, found from wherever the tests were built.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Portal.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Portal.sln.");
    }
}
