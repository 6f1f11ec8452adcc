using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;
using Portal.Domain.Passport;
using Portal.Infrastructure.Accounts;
using Portal.Infrastructure.Audit;
using Portal.Infrastructure.Data;

namespace Portal.Infrastructure.Passport;

/// <summary>One line of the trust list as an admin sees it.</summary>
public sealed record TrustedIssuerEntry(Guid Id, string IssuerUrl, string Name, string KeysUrl, string AddedBy, DateTime AddedAtUtc, DateTime? RemovedAtUtc, string? RemovedBy, bool Own);

/// <summary>
/// The passport's trust list: other issuers whose credentials are recognised, managed by admins.
/// This portal is always on it (it is not stored; it cannot be removed). Adding fetches the key set
/// and checks it holds public keys only, so a typing mistake or a wrong address shows at once.
/// </summary>
public sealed class TrustList(PortalDbContext db, IssuerFetcher fetcher, PassportUrls urls, PassportService passport, AuditLog audit, TimeProvider clock)
{
    /// <summary>Everyone on the list, this portal first, then the active, then the removed.</summary>
    public async Task<IReadOnlyList<TrustedIssuerEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<TrustedIssuer>().AsNoTracking()
            .GroupJoin(db.Users, t => t.AddedBy, u => u.Id, (t, by) => new { t, by })
            .SelectMany(x => x.by.DefaultIfEmpty(), (x, u) => new { x.t, AddedName = u == null ? null : u.DisplayName, AddedEmail = u == null ? null : u.Email })
            .ToListAsync(cancellationToken);
        var own = new TrustedIssuerEntry(Guid.Empty, urls.Issuer, passport.Issuer()["name"]!.GetValue<string>(), urls.Site + PassportUrls.KeysPath.TrimEnd('/'), "Always trusted", DateTime.MinValue, null, null, Own: true);
        return [own, .. rows.OrderBy(r => r.t.RemovedAtUtc is not null).ThenBy(r => r.t.Name, StringComparer.CurrentCulture)
            .Select(r => new TrustedIssuerEntry(r.t.Id, r.t.IssuerUrl, r.t.Name, r.t.KeysUrl,
                r.AddedName is null && r.AddedEmail is null ? "someone no longer on the portal" : PortalUser.ShownName(r.AddedName, r.AddedEmail),
                r.t.AddedAtUtc, r.t.RemovedAtUtc, r.t.RemovedBy, Own: false))];
    }

    /// <summary>Adds an issuer once its key set answers with usable public keys; audited.</summary>
    public async Task<Result<Guid>> AddAsync(string actorId, string? issuerUrl, string? name, string? keysUrl, CancellationToken cancellationToken = default)
    {
        if (TrustedIssuer.AddProblem(issuerUrl, name, keysUrl) is { } problem)
            return Result.Invalid(problem.Field, problem.Message);
        var issuer = issuerUrl!.Trim();
        var keys = keysUrl!.Trim().TrimEnd('/');
        if (issuer == urls.Issuer)
            return Result.Invalid("IssuerUrl", "That is this portal, which is always trusted");
        if (fetcher.AddressProblem(issuer) is { } issuerProblem)
            return Result.Invalid("IssuerUrl", issuerProblem);
        if (await db.Set<TrustedIssuer>().AnyAsync(t => t.IssuerUrl == issuer && t.RemovedAtUtc == null, cancellationToken))
            return Result.Invalid("IssuerUrl", "That issuer is already on the trust list");
        var (text, fetchProblem) = await fetcher.GetAsync(keys, cancellationToken);
        if (fetchProblem is not null)
            return Result.Invalid("KeysUrl", $"The public keys could not be fetched: {fetchProblem}");
        if (KeySetProblem(text!) is { } keyProblem)
            return Result.Invalid("KeysUrl", keyProblem);
        var entry = TrustedIssuer.Add(issuer, name!, keys, actorId, clock.GetUtcNow().UtcDateTime);
        db.Add(entry);
        audit.Add(AuditAction.TrustedIssuerAdded, AuditSubject.TrustedIssuer, entry.Id.ToString(), details: $"{entry.Name}: {entry.IssuerUrl}, keys at {entry.KeysUrl}");
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done(entry.Id);
    }

    /// <summary>Removes an issuer: credentials from it are no longer recognised from now on; audited.</summary>
    public async Task<Result> RemoveAsync(string actorId, Guid id, CancellationToken cancellationToken = default)
    {
        var entry = await db.Set<TrustedIssuer>().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (entry is null)
            return Result.NotFound();
        if (!entry.Active)
            return Result.Invalid("", "That issuer was already removed");
        entry.Remove(actorId, clock.GetUtcNow().UtcDateTime);
        audit.Add(AuditAction.TrustedIssuerRemoved, AuditSubject.TrustedIssuer, entry.Id.ToString(), details: $"{entry.Name}: {entry.IssuerUrl}");
        await db.SaveChangesAsync(cancellationToken);
        return Result.Done();
    }

    /// <summary>The active trusted issuer that publishes this key id, if any.</summary>
    public async Task<TrustedIssuer?> PublisherOfAsync(string? kid, CancellationToken cancellationToken = default)
    {
        if (kid is null)
            return null;
        var active = await db.Set<TrustedIssuer>().AsNoTracking().Where(t => t.RemovedAtUtc == null).ToListAsync(cancellationToken);
        return active.FirstOrDefault(t => t.Publishes(kid));
    }

    /// <summary>The active trusted issuer whose key set lives on this address's site (scheme, host and port), if any.</summary>
    public async Task<TrustedIssuer?> OnSiteAsync(Uri address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        var active = await db.Set<TrustedIssuer>().AsNoTracking().Where(t => t.RemovedAtUtc == null).ToListAsync(cancellationToken);
        return active.FirstOrDefault(t => Uri.TryCreate(t.KeysUrl, UriKind.Absolute, out var keys)
            && Uri.Compare(keys, address, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0);
    }

    /// <summary>What is wrong with a published key set ({"keys": [...]}, or one bare key), or null when it holds at least one usable public key and no private part.</summary>
    public static string? KeySetProblem(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return "The address did not answer with a key set (JSON with a list of keys).";
        }
        var keys = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("keys", out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray()]
            : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("kty", out _) ? new List<JsonElement> { root } : null;
        if (keys is null)
            return "The address did not answer with a key set (JSON with a list of keys).";
        if (keys.Any(k => k.ValueKind != JsonValueKind.Object || k.TryGetProperty("d", out _) || k.TryGetProperty("p", out _)))
            return "The key set publishes a private key. Do not trust this issuer, and tell them at once.";
        if (!keys.Any(k => PublicRsa(k) is { } rsa && Dispose(rsa)))
            return "The key set holds no RSA public key of 2048 bits or more, which Open Badges credentials are signed with.";
        return null;
    }

    private static bool Dispose(RSA rsa)
    {
        rsa.Dispose();
        return true;
    }

    /// <summary>An RSA public key (2048 bits or more) from a JWK, or null; the caller disposes it.</summary>
    public static RSA? PublicRsa(JsonElement jwk)
    {
        if (jwk.ValueKind != JsonValueKind.Object || !jwk.TryGetProperty("kty", out var kty) || kty.ValueKind != JsonValueKind.String || kty.GetString() != "RSA"
            || !jwk.TryGetProperty("n", out var n) || n.ValueKind != JsonValueKind.String || !jwk.TryGetProperty("e", out var e) || e.ValueKind != JsonValueKind.String)
            return null;
        try
        {
            var modulus = Base64Url.DecodeFromChars(n.GetString());
            if (modulus.Length < 256)
                return null;
            var rsa = RSA.Create();
            rsa.ImportParameters(new RSAParameters { Modulus = modulus, Exponent = Base64Url.DecodeFromChars(e.GetString()) });
            return rsa;
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return null;
        }
    }
}
