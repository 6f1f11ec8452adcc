using System.Data.Common;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Content;
using Portal.Infrastructure.Data;

namespace Portal.Web;

/// <summary>Turns the failures an operator can fix (settings, content, an unreachable database) into plain lines.</summary>
internal static class StartupFailure
{
    public static string? Describe(Exception exception) => exception switch
    {
        PortalConfigurationException e => "Start-up stopped: " + e.Message,
        OptionsValidationException e => $"Start-up stopped: invalid setting ({e.OptionsType.Name}): {string.Join("; ", e.Failures)}",
        ContentValidationException e => "Start-up stopped: " + e.Message,
        DirectoryNotFoundException e => "Start-up stopped: " + e.Message,
        DbException e => "Start-up stopped: the database could not be used: " + e.Message,
        AggregateException { InnerExceptions.Count: 1 } e => Describe(e.InnerExceptions[0]),
        _ when exception.InnerException is { } inner && exception is InvalidOperationException => Describe(inner),
        _ => null,
    };
}
