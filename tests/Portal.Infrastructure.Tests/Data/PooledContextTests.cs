using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Data;

/// <summary>
/// The portal pools its database contexts: one request's leftovers (work waiting for a commit that
/// never came, a handler for its saves) must not run in the next request that borrows the context.
/// </summary>
public sealed class PooledContextTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    [Fact]
    public async Task TheNextRequestDoesNotInheritTheLastOnesAfterCommitWorkOrSaveHandlers()
    {
        await using var provider = new ServiceCollection()
            .AddDbContextPool<PortalDbContext, SqlitePortalDbContext>(o => o.UseSqlite(database.ConnectionString).AddInterceptors(TransactionEndInterceptor.Instance))
            .BuildServiceProvider();
        var ran = new List<string>();

        PortalDbContext first;
        await using (var scope = provider.CreateAsyncScope())
        {
            first = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            first.SavedChanges += (_, _) => ran.Add("save handler of the first request");
            await using var transaction = await first.Database.BeginTransactionAsync();
            first.AfterCommit(() => ran.Add("after-commit work of the first request"));
            // The request fails here: the transaction is disposed without a commit or a rollback call.
        }

        await using (var scope = provider.CreateAsyncScope())
        {
            var second = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.Same(first, second);
            await using var transaction = await second.Database.BeginTransactionAsync();
            second.Add(Organisation.Create("Pooled Care", OrganisationType.CareProvider, null, "LS6 1AB", DateTime.UtcNow));
            await second.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        Assert.Empty(ran);
        await using var db = database.CreateContext();
        Assert.True(await db.Set<Organisation>().AnyAsync(o => o.Name == "Pooled Care"));
    }
}
