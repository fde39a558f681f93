using Payments.Api.Data;
using Payments.Api.Fx;
using Payments.Api.Providers;
using Payments.Api.Services;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IOrderStore, PostgresOrderStore>();
builder.Services.AddSingleton<IPaymentProvider, StripeProvider>();
builder.Services.AddSingleton(sp => new RateTable(RateFeed.LoadToday(builder.Configuration["Fx:FeedPath"]!)));
builder.Services.AddScoped<ChargeService>();
builder.Services.AddScoped<RefundService>();

var app = builder.Build();
app.MapControllers();
app.Run();
