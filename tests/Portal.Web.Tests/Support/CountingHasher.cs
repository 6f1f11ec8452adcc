using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Accounts;

namespace Portal.Web.Tests.Support;

/// <summary>
/// How many password hashes the app computed and checked. A test of timing would be flaky on a
/// shared machine; the work behind it (one PBKDF2 check per attempt) can be counted exactly.
/// </summary>
public sealed class HashCount
{
    private int _hashed;
    private int _verified;

    public int Hashed => Volatile.Read(ref _hashed);

    public int Verified => Volatile.Read(ref _verified);

    public void Reset()
    {
        Volatile.Write(ref _hashed, 0);
        Volatile.Write(ref _verified, 0);
    }

    internal void CountHash() => Interlocked.Increment(ref _hashed);

    internal void CountVerify() => Interlocked.Increment(ref _verified);
}

/// <summary>The app's own hasher, with the same options, counted.</summary>
public sealed class CountingHasher(HashCount count, IOptions<PasswordHasherOptions> options) : IPasswordHasher<PortalUser>
{
    private readonly PasswordHasher<PortalUser> _inner = new(options);

    public string HashPassword(PortalUser user, string password)
    {
        count.CountHash();
        return _inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
    {
        count.CountVerify();
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>The real app with its password hasher counted.</summary>
public sealed class CountingHasherFactory : PortalWebFactory
{
    public HashCount Count { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Count);
            services.AddScoped<IPasswordHasher<PortalUser>, CountingHasher>();
        });
    }
}
