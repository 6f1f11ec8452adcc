using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Infrastructure;
using Portal.Infrastructure.Content;

namespace Portal.Benchmarks;

/// <summary>The portal's services over a generated city, for the benchmarks that read or write one.</summary>
internal static class BenchmarkCity
{
    /// <summary>
    /// The infrastructure over PORTAL_BENCH_CONNECTION (PORTAL_BENCH_PROVIDER: Sqlite, the default,
    /// or Postgres), no migrations, no Hangfire server, the shipped content loaded.
    /// </summary>
    /// <param name="what">What the database must hold, for the message when it is not set.</param>
    public static IHost Start(string what, Action<IServiceCollection>? more = null)
    {
        var connection = Environment.GetEnvironmentVariable("PORTAL_BENCH_CONNECTION")
            ?? throw new InvalidOperationException($"Set PORTAL_BENCH_CONNECTION to {what} (see tests/Portal.Benchmarks/README.md).");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = Environment.GetEnvironmentVariable("PORTAL_BENCH_PROVIDER") ?? "Sqlite",
            ["Database:MigrateOnStartup"] = "false",
            ["ConnectionStrings:Portal"] = connection,
            ["Jobs:ServerEnabled"] = "false",
            ["Content:Path"] = Path.Combine(RepositoryRoot(), "content"),
        });
        builder.Logging.ClearProviders();
        builder.Services.AddPortalInfrastructure(builder.Configuration, builder.Environment);
        more?.Invoke(builder.Services);
        var host = builder.Build();
        host.Services.GetRequiredService<ContentStore>().Load();
        return host;
    }

    /// <summary>BenchmarkDotNet builds and runs a copy deep under bin/: walk up to the repository.</summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Portal.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
