namespace Portal.Benchmarks;

internal static class BenchmarkPaths
{
    /// <summary>BenchmarkDotNet builds and runs a copy deep under bin/: walk up to the repository.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
