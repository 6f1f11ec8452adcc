using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Notifications;
using Portal.Infrastructure.Accounts;

namespace Portal.Infrastructure.Data;

/// <summary>
/// The one context. Each database provider has a thin derived context so that each keeps its own
/// migration set; services depend on this base type only.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : IdentityDbContext<PortalUser>(options), Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    /// <summary>
    /// The keys that protect sign-in cookies and antiforgery tokens, shared by every node: a cookie
    /// or a form from one node is good on another, and keys survive a redeploy.
    /// </summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    /// <summary>Default for any string not given a length of its own: keeps every column bounded on every provider.</summary>
    public const int DefaultMaxStringLength = 256;

    private List<Action>? _afterCommit;

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    /// <summary>
    /// Runs <paramref name="action"/> once the current transaction commits (once, however often it
    /// is asked for within that transaction), or straight away when there is none. Used to wake
    /// background work only after the rows it needs are visible.
    /// </summary>
    public void AfterCommit(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (Database.CurrentTransaction is null)
            action();
        else if (!(_afterCommit ??= []).Contains(action))
            _afterCommit.Add(action);
    }

    internal void TransactionEnded(bool committed)
    {
        var actions = _afterCommit;
        _afterCommit = null;
        if (committed && actions is not null)
            foreach (var action in actions)
                action();
    }

    /// <summary>
    /// Work waiting for a commit that never came (a transaction disposed on an error) belongs to the
    /// request that asked for it: with context pooling the next request must not inherit it.
    /// </summary>
    public override void Dispose()
    {
        _afterCommit = null;
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override ValueTask DisposeAsync()
    {
        _afterCommit = null;
        GC.SuppressFinalize(this);
        return base.DisposeAsync();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseRewritingHistory();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseRewritingHistory();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Competency sign-offs and audit events are logs: a revoke is a new row, and nothing changes or removes one.</summary>
    private void RefuseRewritingHistory()
    {
        if (ChangeTracker.Entries<Portal.Domain.Compliance.CompetencyRecord>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Competency records are append-only: record a revoke instead of changing or removing a sign-off.");
        if (ChangeTracker.Entries<AuditEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Audit events are append-only.");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<string>().HaveMaxLength(DefaultMaxStringLength);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}
