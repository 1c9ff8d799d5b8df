using System.Text;

namespace Microchat.Server.Tests.Media;

/// <summary>Small files whose first bytes are those of their type.</summary>
internal static class TestFiles
{
    /// <summary>A real 1×1 PNG.</summary>
    public static byte[] Png => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>A JPEG's header (SOI, JFIF APP0) and some bytes.</summary>
    public static byte[] Jpeg => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .."JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];

    /// <summary>A GIF's header (logical screen 1×1) and its trailer.</summary>
    public static byte[] Gif => [.."GIF89a"u8, 1, 0, 1, 0, 0, 0, 0, 0x3B];

    /// <summary>A lossless WebP's RIFF header and some bytes.</summary>
    public static byte[] WebP => [.."RIFF"u8, 26, 0, 0, 0, .."WEBPVP8L"u8, 13, 0, 0, 0, 0x2F, 0, 0, 0, 0x10, 7, 0x10, 0x11, 0x11, 0x88, 0x88, 0xFE, 7, 0];

    public static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] Svg => Text("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");

    public static byte[] Html => Text("<!doctype html><html><body><script>alert(1)</script></body></html>");
}
