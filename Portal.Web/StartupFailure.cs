using System.Data.Common;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;

namespace Portal.Web;

/// <summary>Turns the failures an operator can fix (settings, content, an unusable database) into plain lines.</summary>
internal static class StartupFailure
{
    public static string? Describe(Exception exception) => Reason(exception) is { } reason ? "Start-up stopped: " + reason : null;

    /// <summary>What is wrong, in one line, or null for a failure that is a bug rather than something to fix.</summary>
    public static string? Reason(Exception exception) => exception switch
    {
        PortalConfigurationException e => e.Message,
        PortalDatabaseException e => e.Message,
        OptionsValidationException e => $"invalid setting ({e.OptionsType.Name}): {string.Join("; ", e.Failures)}",
        ContentValidationException e => e.Message,
        DirectoryNotFoundException e => e.Message,
        DbException e => "the database could not be used: " + e.Message,
        AggregateException { InnerExceptions.Count: 1 } e => Reason(e.InnerExceptions[0]),
        _ when exception.InnerException is { } inner && exception is InvalidOperationException => Reason(inner),
        _ => null,
    };
}
