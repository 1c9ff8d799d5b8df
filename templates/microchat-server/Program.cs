var builder = WebApplication.CreateBuilder(args);

// Microchat: its options come from the "Microchat" section, its data from ConnectionStrings:Microchat.
builder.Services.AddMicrochat(options => builder.Configuration.GetSection("Microchat").Bind(options))
    .UseLiteDb(builder.Configuration.GetConnectionString("Microchat") ?? "Filename=microchat.db");

var app = builder.Build();
app.MapMicrochat();
app.MapGet("/", () => "Microchat is running: the API is under /api.");
app.Run();
