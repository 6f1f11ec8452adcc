using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Data;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Tests.Support;

namespace Portal.Infrastructure.Tests.Email;

/// <summary>
/// The mail page and the health check count the outbox on every look, and the outbox keeps every
/// message sent to a city. Each count must be answered from an index range, never by reading the
/// whole table (or a whole index), which SQLite's own query plans show.
/// </summary>
public sealed class MailHealthQueryPlanTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    [Fact]
    public async Task EveryHealthCountSearchesAnIndexInsteadOfScanningTheOutbox()
    {
        var now = DateTime.UtcNow;
        await using (var db = database.CreateContext())
        {
            var sent = OutboxMessage.Create(new OutgoingMail("a@example.com", "Hello", "Body"), now);
            sent.MarkSent(now);
            db.OutboxMessages.AddRange(sent, OutboxMessage.Create(new OutgoingMail("b@example.com", "Hello", "Body"), now));
            await db.SaveChangesAsync();
        }

        var recorder = new CommandRecorder();
        await using (var db = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(database.ConnectionString).AddInterceptors(recorder).Options))
        {
            var options = Options.Create(new MailOptions());
            using var storage = new Hangfire.InMemory.InMemoryStorage();
            var service = new MailAdminService(db, new Outbox(db, TimeProvider.System, new Hangfire.BackgroundJobClient(storage), NullLogger<Outbox>.Instance),
                new NoGateway(), options, TimeProvider.System);
            await service.HealthAsync();
        }

        Assert.Equal(6, recorder.Commands.Count);
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        foreach (var command in recorder.Commands)
        {
            var plan = await PlanAsync(connection, command);
            Assert.True(plan.All(step => step.StartsWith("SEARCH ", StringComparison.Ordinal)), $"{command.Sql}\nran as:\n{string.Join("\n", plan)}");
        }
    }

    private static async Task<List<string>> PlanAsync(SqliteConnection connection, RecordedCommand recorded)
    {
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + recorded.Sql;
        foreach (var (name, value) in recorded.Parameters)
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var steps = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            steps.Add(reader.GetString(3));
        return steps;
    }

    private sealed record RecordedCommand(string Sql, List<(string Name, object? Value)> Parameters);

    private sealed class CommandRecorder : DbCommandInterceptor
    {
        public List<RecordedCommand> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(new RecordedCommand(command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value))]));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private sealed class NoGateway : IMailGateway
    {
        public Task<IMailConnection> OpenAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
