using System.Net;
using Microsoft.Extensions.Options;

namespace Portal.Infrastructure.Passport;

/// <summary>
/// Fetches another issuer's published documents (its key set, a key, a status list, a shared
/// passport). Only https, or http on this machine when <see cref="PassportOptions.AllowLoopbackHttp"/>
/// says so; no redirects (a trusted address must not send us elsewhere); small answers only.
/// </summary>
public sealed class IssuerFetcher(HttpClient http, IOptions<PassportOptions> options)
{
    /// <summary>A key set or a status list is a few kilobytes; anything far larger is refused unread.</summary>
    public const int MaxBytes = 256 * 1024;

    public const string HttpClientName = "Portal.Passport.Issuers";

    /// <summary>Why this address will not be fetched, in words for an admin, or null when it may be.</summary>
    public string? AddressProblem(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo))
            return "This is not a web address.";
        if (uri.Scheme == Uri.UriSchemeHttps)
            return null;
        if (uri.Scheme == Uri.UriSchemeHttp && options.Value.AllowLoopbackHttp && IsLoopback(uri))
            return null;
        return "Only https addresses are fetched.";
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>The body as text, or a problem in plain words (unreachable, refused, too large).</summary>
    public async Task<(string? Text, string? Problem)> GetAsync(string url, CancellationToken cancellationToken)
    {
        if (AddressProblem(url) is { } problem)
            return (null, problem);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.FetchTimeout);
        try
        {
            using var response = await http.GetAsync(new Uri(url), HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
                return (null, $"The address answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            if (response.Content.Headers.ContentLength > MaxBytes)
                return (null, "The address answered with far more than a key or list.");
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var copy = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await body.ReadAsync(buffer, timeout.Token)) > 0)
            {
                copy.Write(buffer, 0, read);
                if (copy.Length > MaxBytes)
                    return (null, "The address answered with far more than a key or list.");
            }
            return (System.Text.Encoding.UTF8.GetString(copy.ToArray()), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "The address did not answer in time.");
        }
        catch (HttpRequestException e)
        {
            return (null, $"The address could not be reached ({e.HttpRequestError}).");
        }
    }
}
