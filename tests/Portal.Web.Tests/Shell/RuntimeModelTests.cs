using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Data;

namespace Portal.Web.Tests.Shell;

/// <summary>
/// The model the running app builds (with Identity's run-time options applied) must equal each
/// provider's migrations, or `migrate` refuses to run. Design-time checks alone miss this.
/// </summary>
public sealed class RuntimeModelTests
{
    [Theory]
    [InlineData("Sqlite", "Data Source=unused.db")]
    [InlineData("Postgres", "Host=127.0.0.1;Database=unused")]
    [InlineData("SqlServer", "Server=127.0.0.1;Database=unused;TrustServerCertificate=True")]
    public async Task TheAppsModelMatchesTheProvidersMigrations(string provider, string connectionString)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = Path.GetTempPath() });
        builder.Configuration["Database:Provider"] = provider;
        builder.Configuration["ConnectionStrings:Portal"] = connectionString;
        builder.Configuration["Jobs:ServerEnabled"] = "false";
        builder.Configuration["AllowedHosts"] = "localhost";
        builder.AddPortal();
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();

        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        Assert.Equal(provider + "PortalDbContext", db.GetType().Name);
        Assert.False(db.Database.HasPendingModelChanges(), $"The running {provider} model differs from its migrations.");
    }
}
