using System.Buffers.Binary;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Portal.Infrastructure.Accounts;

/// <summary>A copy of a <see cref="UserSession"/> row: the ticket still encrypted, as the database holds it.</summary>
public sealed record CachedSession(byte[] Ticket, DateTime LastSeenUtc, DateTime ExpiresUtc, DateTime AbsoluteExpiresUtc);

/// <summary>
/// A copy of live sessions in front of the database, so a signed-in request need not read its row.
/// The database stays the record: a session ends when its row is deleted, and every path that
/// deletes rows tells the cache (<see cref="EndAsync"/>) so no node serves a copy afterwards.
/// </summary>
public interface ISessionCache
{
    Task<CachedSession?> GetAsync(string id);

    /// <summary>Keeps a copy read from the database, unless the session has ended since (a read racing its end).</summary>
    Task KeepAsync(string id, CachedSession session);

    /// <summary>The row changed (renewed, seen): the next read goes to the database.</summary>
    Task ForgetAsync(string id);

    /// <summary>The rows are gone: drop any copy, and refuse copies that a read racing the delete would keep.</summary>
    Task EndAsync(IReadOnlyCollection<string> ids);
}

/// <summary>Several nodes without Redis: every read goes to the database.</summary>
public sealed class NoSessionCache : ISessionCache
{
    public Task<CachedSession?> GetAsync(string id) => Task.FromResult<CachedSession?>(null);

    public Task KeepAsync(string id, CachedSession session) => Task.CompletedTask;

    public Task ForgetAsync(string id) => Task.CompletedTask;

    public Task EndAsync(IReadOnlyCollection<string> ids) => Task.CompletedTask;
}

/// <summary>
/// Sessions cached in this process: for a portal on SQLite, which one process serves, so every
/// path that ends a session runs here and drops the copy (<see cref="EndAsync"/>). Bounded in
/// count and in age (<see cref="SessionLifetimeOptions.InProcessCacheFor"/>), like the Redis copy.
/// </summary>
public sealed class InProcessSessionCache(IOptions<SessionLifetimeOptions> options, TimeProvider clock) : ISessionCache, IDisposable
{
    /// <summary>Enough for every person signed in to a city's portal at once; past it the oldest copies make way.</summary>
    internal const int MaxCopies = 50_000;

    private readonly MemoryCache _copies = new(new MemoryCacheOptions { SizeLimit = MaxCopies, Clock = new SystemClockOf(clock) });

    private TimeSpan CacheFor => options.Value.InProcessCacheFor;

    private static string CopyOf(string id) => "copy:" + id;

    private static string EndedMark(string id) => "ended:" + id;

    public Task<CachedSession?> GetAsync(string id) => Task.FromResult(_copies.Get<CachedSession>(CopyOf(id)));

    public Task KeepAsync(string id, CachedSession session)
    {
        var lives = Min(CacheFor, Min(session.ExpiresUtc, session.AbsoluteExpiresUtc) - clock.GetUtcNow().UtcDateTime);
        // A read that raced the session's end must not keep the copy it read before the delete.
        if (lives > TimeSpan.Zero && !_copies.TryGetValue(EndedMark(id), out _))
            _copies.Set(CopyOf(id), session, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lives, Size = 1 });
        return Task.CompletedTask;
    }

    public Task ForgetAsync(string id)
    {
        _copies.Remove(CopyOf(id));
        return Task.CompletedTask;
    }

    public Task EndAsync(IReadOnlyCollection<string> ids)
    {
        foreach (var id in ids)
        {
            // The mark first: a read between the two cannot keep a fresh copy.
            _copies.Set(EndedMark(id), true, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = CacheFor + CacheFor, Size = 1, Priority = CacheItemPriority.NeverRemove });
            _copies.Remove(CopyOf(id));
        }
        return Task.CompletedTask;
    }

    public void Dispose() => _copies.Dispose();

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private sealed class SystemClockOf(TimeProvider clock) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => clock.GetUtcNow();
    }
}

/// <summary>
/// Sessions cached in Redis (<c>Sessions:Redis</c>), shared by every node. Redis being down costs
/// speed, never a sign-in: reads fall back to the database. A copy lives at most
/// <see cref="SessionLifetimeOptions.RedisCacheFor"/>, which also bounds how long a session could
/// outlive its row if Redis was unreachable at the moment it ended.
/// </summary>
public sealed partial class RedisSessionCache(IOptions<SessionLifetimeOptions> options, TimeProvider clock, ILogger<RedisSessionCache> logger) : ISessionCache, IDisposable
{
    private const byte Format = 1;
    private const int HeaderLength = 1 + 3 * sizeof(long);

    private readonly Lazy<ConnectionMultiplexer> _redis = new(() => Connect(options.Value.Redis!));

    private TimeSpan CacheFor => options.Value.RedisCacheFor;

    private static RedisKey CopyOf(string id) => "portal:session:" + id;

    // Outlives any copy a racing read could still be about to keep.
    private static RedisKey EndedMark(string id) => "portal:session-ended:" + id;

    public async Task<CachedSession?> GetAsync(string id)
    {
        try
        {
            var value = (byte[]?)await _redis.Value.GetDatabase().StringGetAsync(CopyOf(id));
            return value is null ? null : Decode(value);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            Unavailable(logger, exception);
            return null;
        }
    }

    public async Task KeepAsync(string id, CachedSession session)
    {
        var lives = Min(CacheFor, Min(session.ExpiresUtc, session.AbsoluteExpiresUtc) - clock.GetUtcNow().UtcDateTime);
        if (lives <= TimeSpan.Zero)
            return;
        try
        {
            var keep = _redis.Value.GetDatabase().CreateTransaction();
            keep.AddCondition(Condition.KeyNotExists(EndedMark(id)));
            _ = keep.StringSetAsync(CopyOf(id), Encode(session), lives);
            await keep.ExecuteAsync();
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            Unavailable(logger, exception);
        }
    }

    public async Task ForgetAsync(string id)
    {
        try
        {
            await _redis.Value.GetDatabase().KeyDeleteAsync(CopyOf(id));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // The copy's expiries are older than the row's, so a read that finds them passed asks the database.
            Unavailable(logger, exception);
        }
    }

    public async Task EndAsync(IReadOnlyCollection<string> ids)
    {
        if (ids.Count == 0)
            return;
        try
        {
            var batch = _redis.Value.GetDatabase().CreateBatch();
            var writes = new List<Task>(ids.Count * 2);
            foreach (var id in ids)
            {
                // The mark first: a read between the two writes cannot keep a fresh copy.
                writes.Add(batch.StringSetAsync(EndedMark(id), 1, CacheFor + CacheFor));
                writes.Add(batch.KeyDeleteAsync(CopyOf(id)));
            }
            batch.Execute();
            await Task.WhenAll(writes);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            NotEvicted(logger, ids.Count, CacheFor, exception);
        }
    }

    public void Dispose()
    {
        if (_redis.IsValueCreated)
            _redis.Value.Dispose();
    }

    private static ConnectionMultiplexer Connect(string configuration)
    {
        var settings = ConfigurationOptions.Parse(configuration);
        // Start even with Redis down, and give up on it quickly per call: the database can answer.
        settings.AbortOnConnectFail = false;
        settings.BacklogPolicy = BacklogPolicy.FailFast;
        settings.ConnectTimeout = Math.Min(settings.ConnectTimeout, 2000);
        settings.AsyncTimeout = Math.Min(settings.AsyncTimeout, 1000);
        settings.SyncTimeout = Math.Min(settings.SyncTimeout, 1000);
        return ConnectionMultiplexer.Connect(settings);
    }

    private static byte[] Encode(CachedSession session)
    {
        var bytes = new byte[HeaderLength + session.Ticket.Length];
        bytes[0] = Format;
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(1), session.LastSeenUtc.Ticks);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(9), session.ExpiresUtc.Ticks);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(17), session.AbsoluteExpiresUtc.Ticks);
        session.Ticket.CopyTo(bytes, HeaderLength);
        return bytes;
    }

    /// <summary>Null for a copy written by another format: the database answers instead.</summary>
    private static CachedSession? Decode(byte[] bytes)
    {
        if (bytes.Length <= HeaderLength || bytes[0] != Format)
            return null;
        DateTime At(int offset) => new(BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(offset)), DateTimeKind.Utc);
        return new CachedSession(bytes[HeaderLength..], At(1), At(9), At(17));
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis session cache unavailable; reading sessions from the database")]
    private static partial void Unavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} ended session(s) could not be removed from the Redis cache; a node may accept them for up to {CacheFor}")]
    private static partial void NotEvicted(ILogger logger, int count, TimeSpan cacheFor, Exception exception);
}
