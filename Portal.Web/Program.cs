using Portal.Web;
using Portal.Web.Commands;

// Before the thread pool is busy: each arena a thread starts is kept for the life of the process.
MallocArenas.Limit();

if (PortalCommands.IsCommand(args))
    return await PortalCommands.RunAsync(args);

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddPortal();
    var app = builder.Build();
    await app.PreparePortalAsync();
    app.UsePortal();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.Describe(ex) is { } message)
{
    // A wrong setting, invalid content or an unusable database: one clear message, no stack trace.
    await Console.Error.WriteLineAsync(message);
    return 1;
}

public partial class Program;
