// The stylesheet of the HTML summary: GitHub's colours for the run page, Slack's and Discord's
// for their messages. Every status colour comes with its word in the markup.
export const CSS = `
body{font:14px/1.45 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:0;background:#f6f8fa;color:#1f2328}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:0 0 8px} h2 small{font-weight:normal;color:#59636e;font-size:12px}
.verdict{padding:10px 14px;border-radius:6px;margin:12px 0;font-weight:600}
.verdict.success{background:#dafbe1;color:#116329;border:1px solid #4ac26b}.verdict.failure{background:#ffebe9;color:#82071e;border:1px solid #ff8182}.verdict.cancelled{background:#eaeef2;color:#424a53;border:1px solid #afb8c1}.check{margin:4px 0 12px}.check.bad{color:#82071e;font-weight:600}
.badge{display:inline-block;font-size:11px;font-weight:600;border-radius:10px;padding:0 7px;margin-left:6px;border:1px solid}.badge.success{color:#116329;border-color:#4ac26b}.badge.failure{color:#82071e;border-color:#ff8182}.badge.skipped,.badge.cancelled{color:#59636e;border-color:#afb8c1}.badge.stand-in{color:#7d4e00;border-color:#d4a72c;background:#fff8c5}.notes{font-size:12px;color:#7d4e00;background:#fff8c5;border-radius:4px;padding:4px 8px;margin:6px 0}
.panel{background:#fff;border:1px solid #d1d9e0;border-radius:6px;padding:16px;margin:16px 0}
.tl-row{display:flex;align-items:center;gap:8px;margin:3px 0}.tl-name{width:330px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.tl-track{flex:1;background:#eef1f4;height:14px;border-radius:3px;position:relative}.tl-dur{width:70px;text-align:right;color:#59636e;font-variant-numeric:tabular-nums}
.bar{height:14px;border-radius:3px}.bar.success{background:#2da44e}.bar.failure{background:#cf222e}.bar.cancelled{background:#8c959f}.skipped{color:#8c959f;font-size:12px;padding-left:6px}
section.step{background:#fff;border:1px solid #d1d9e0;border-left:4px solid #d1d9e0;border-radius:6px;padding:14px 16px;margin:12px 0}
section.step.success{border-left-color:#2da44e}section.step.failure{border-left-color:#cf222e}section.step.cancelled{border-left-color:#8c959f}section.step.skipped{opacity:.6}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #d1d9e0;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f6f8fa}
pre{background:#0d1117;color:#e6edf3;padding:10px;border-radius:6px;overflow-x:auto;font-size:12px;margin:4px 0}
details.group>summary{font-family:monospace;font-size:12px;cursor:pointer}details{margin:4px 0}summary{cursor:pointer;color:#0969da}
.ann{font-family:monospace;font-size:12px;padding:2px 6px;border-radius:3px;display:inline-block;margin:2px 0}.ann.error{background:#ffebe9;color:#82071e}.ann.warning{background:#fff8c5;color:#7d4e00}.ann.notice{background:#ddf4ff;color:#0550ae}
pre .ann{background:none;padding:0}pre .ann.error{color:#ff7b72}pre .ann.warning{color:#d29922}pre .ann.notice{color:#79c0ff}
.cards{display:grid;grid-template-columns:1fr 1fr;gap:16px}.card-label{font-size:12px;color:#59636e;margin-bottom:6px}
.slack{display:flex;gap:8px;background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px;font-family:Lato,"Segoe UI",sans-serif;color:#1d1c1d}
.s-avatar,.d-avatar{width:36px;height:36px;border-radius:6px;background:#4a154b;color:#fff;display:flex;align-items:center;justify-content:center;font-weight:700;flex:none}
.s-body,.d-body{flex:1;min-width:0}.s-name{font-weight:900}.s-app{font-size:10px;background:#eee;color:#616061;padding:0 3px;border-radius:2px;font-weight:700}
.s-header{font-size:17px;font-weight:900;margin:4px 0}.s-section{margin:4px 0}.s-fields{display:grid;grid-template-columns:1fr 1fr;gap:4px 16px;margin:4px 0}
.s-context{color:#616061;font-size:12px;margin:4px 0}.s-attachment{border-left:4px solid #ddd;padding:2px 0 2px 12px;margin:6px 0}.s-divider{border:0;border-top:1px solid #ddd}
.s-button{display:inline-block;border:1px solid #bbb;border-radius:4px;padding:2px 10px;margin-right:6px;font-weight:700;font-size:13px}.mention{background:#e8f5fa;color:#1264a3;border-radius:3px;padding:0 2px}
.discord{display:flex;gap:12px;background:#313338;color:#dbdee1;border-radius:8px;padding:12px;font-family:"gg sans","Noto Sans",sans-serif}
.d-avatar{border-radius:50%;background:#5865f2;width:40px;height:40px}.d-name{color:#f2f3f5;font-weight:600}.d-bot{background:#5865f2;color:#fff;font-size:10px;padding:1px 4px;border-radius:3px}
.d-edited{color:#949ba4;font-size:11px;font-weight:normal}.d-embed{background:#2b2d31;border-left:4px solid #202225;border-radius:4px;padding:8px 16px 12px 12px;margin-top:6px;max-width:520px}
.d-title{font-weight:700;color:#f2f3f5;margin:4px 0}.d-title a{color:#00a8fc}.d-desc{font-size:14px;margin:4px 0}.d-fields{display:flex;flex-wrap:wrap;gap:8px 0;margin-top:8px}
.d-inline{flex:0 0 33%}.d-block{flex:0 0 100%}.d-fname{font-weight:700;color:#f2f3f5;font-size:13px}.d-footer{font-size:12px;color:#b5bac1;margin-top:8px}.discord a{color:#00a8fc}.discord code{background:#1e1f22}
`;
