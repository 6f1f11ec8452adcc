using Microsoft.Extensions.Options;
using Portal.Infrastructure.Data;
using Portal.Web;
using Portal.Web.Commands;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddPortal();
    var app = builder.Build();

    if (PortalCommands.IsCommand(args))
        return await PortalCommands.RunAsync(app, args);

    await app.PreparePortalAsync();
    app.UsePortal();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.Describe(ex) is { } message)
{
    // A wrong setting or invalid content: one clear message, no stack trace.
    await Console.Error.WriteLineAsync(message);
    return 1;
}

public partial class Program;
