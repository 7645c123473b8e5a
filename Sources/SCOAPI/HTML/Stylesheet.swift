import Digests

/// The one stylesheet every HTML page links: served by the app at a URL holding a hash of its
/// bytes, so it can be cached for a year and a new build's pages fetch the new one.
///
/// Light and dark by `prefers-color-scheme`, a visible focus ring, tables that scroll sideways
/// on a narrow screen rather than overflow, and a print layout without navigation. Colours meet
/// WCAG AA contrast on their background in both schemes.
enum Stylesheet {
    static let bytes: [UInt8] = Array(text.utf8)

    /// `/assets/style-<first 16 hex digits of SHA-256>.css`.
    static let path = "/assets/style-" + String(SHA256.hexDigest(bytes).prefix(16)) + ".css"

    static let text = """
    :root{color-scheme:light dark;--bg:#fdfdfb;--fg:#1b1b1b;--muted:#555;--line:#d4d4cf;--link:#0b57a4;\
    --mark:#fff1a8;--panel:#f2f2ee;--focus:#c2410c;--military:#b3261e;--diplomatic:#1d5fa8;--summit:#6b3fa0;\
    --declaration:#7a4d00;--recognition:#a1366b;--ceasefire:#23752f;--founding:#555;--detention:#8a3b12;--release:#0f6e6e}
    @media (prefers-color-scheme:dark){:root{--bg:#15171a;--fg:#e8e8e3;--muted:#b4b4ad;--line:#3b3f45;--link:#8cc4ff;\
    --mark:#5c4b00;--panel:#1f2226;--focus:#ffb077;--military:#ff8a80;--diplomatic:#82b8ff;--summit:#c9a7ff;\
    --declaration:#f0c060;--recognition:#ff9ccf;--ceasefire:#7fd88b;--founding:#c0c0c0;--detention:#ffab7a;--release:#6fe0e0}}
    *{box-sizing:border-box}
    html{background:var(--bg);color:var(--fg);font:17px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
    body{margin:0 auto;max-width:72rem;padding:0 1rem 3rem}
    a{color:var(--link)}
    a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,summary:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
    .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:var(--bg);padding:.5rem}
    header.site{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1rem;border-bottom:1px solid var(--line);padding:.75rem 0}
    header.site .name{font-weight:700;text-decoration:none;color:var(--fg)}
    header.site ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}
    h1{font-size:1.7rem;line-height:1.25;margin:1.25rem 0 .5rem}
    h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line)}
    h3{font-size:1.08rem;margin:1.25rem 0 .25rem}
    .lede,.muted,.meta{color:var(--muted)}
    blockquote{margin:.5rem 0;padding:.25rem .9rem;border-left:4px solid var(--line);background:var(--panel)}
    blockquote p{margin:.25rem 0}
    mark{background:var(--mark);color:inherit;padding:0 .05em}
    mark mark{text-decoration:underline;text-decoration-thickness:2px}
    :target{outline:3px solid var(--focus);outline-offset:2px;scroll-margin-top:4rem}
    .scroll{overflow-x:auto;max-width:100%}
    table{border-collapse:collapse;margin:.5rem 0;font-size:.92rem}caption{text-align:left;padding:.25rem 0}
    th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
    thead th{background:var(--panel);white-space:nowrap}
    table.record th{width:11rem;background:var(--panel)}
    ul.plain{list-style:none;padding:0}
    ul.inline{display:inline;list-style:none;padding:0;margin:0}ul.inline li{display:inline}ul.inline li+li::before{content:", "}
    dl.pairs{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}dl.pairs dt{font-weight:600}dl.pairs dd{margin:0}
    form.query{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;background:var(--panel);padding:.75rem;border-radius:4px}
    form.query label{display:flex;flex-direction:column;font-size:.9rem}
    input,select,button{font:inherit;padding:.25rem .4rem;color:var(--fg);background:var(--bg);border:1px solid var(--muted);border-radius:3px}
    button{cursor:pointer}
    nav.pages{margin:1rem 0}
    .pair{border:1px solid var(--line);border-radius:4px;padding:.25rem 1rem;margin:.75rem 0}
    .pair ol{margin:.25rem 0}
    .answer{margin-left:1.5rem;border-left:3px solid var(--line);padding-left:.75rem}
    figure.timeline{margin:1rem 0;overflow-x:auto}
    figure.timeline svg{display:block;min-width:52rem;width:100%;height:auto}
    figure.timeline figcaption{color:var(--muted);font-size:.9rem}
    svg text{fill:var(--fg);font:12px system-ui,sans-serif}
    svg .axis{stroke:var(--muted);stroke-width:1}svg .grid{stroke:var(--line);stroke-width:1}
    svg .tick{fill:var(--muted);font-size:11px}
    svg a:focus-visible{outline:none}svg a:focus-visible rect,svg a:focus-visible circle{stroke:var(--focus);stroke-width:3}
    svg .range{fill-opacity:.22;stroke-dasharray:4 3;stroke-width:1.5}
    svg .night{stroke-width:1.5}
    .legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;padding:0;font-size:.9rem}
    .swatch{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:-.1em;border-radius:2px}
    .k-military{fill:var(--military);stroke:var(--military);background:var(--military)}
    .k-diplomatic{fill:var(--diplomatic);stroke:var(--diplomatic);background:var(--diplomatic)}
    .k-summit{fill:var(--summit);stroke:var(--summit);background:var(--summit)}
    .k-declaration{fill:var(--declaration);stroke:var(--declaration);background:var(--declaration)}
    .k-recognition{fill:var(--recognition);stroke:var(--recognition);background:var(--recognition)}
    .k-ceasefire{fill:var(--ceasefire);stroke:var(--ceasefire);background:var(--ceasefire)}
    .k-founding{fill:var(--founding);stroke:var(--founding);background:var(--founding)}
    .k-detention{fill:var(--detention);stroke:var(--detention);background:var(--detention)}
    .k-release{fill:var(--release);stroke:var(--release);background:var(--release)}
    .article{white-space:pre-wrap;max-width:46rem;font-family:Georgia,"Times New Roman",serif;font-size:1.05rem}
    sup.refs{font-size:.7rem;line-height:0}sup.refs a{margin-left:.15em}
    footer.site{margin-top:3rem;border-top:1px solid var(--line);padding-top:.75rem;color:var(--muted);font-size:.9rem}
    @media (max-width:40rem){html{font-size:16px}table.record th{width:auto}dl.pairs{grid-template-columns:1fr}}
    @media print{header.site,footer.site,form.query,nav.pages,.skip{display:none}html{background:#fff;color:#000;font-size:11pt}\
    a{color:#000}figure.timeline{overflow:visible}figure.timeline svg{min-width:0}.scroll{overflow:visible}mark{background:#eee}}

    """
}
