// Throwaway: longest main-thread task while dragging a slider (keyboard: 40 presses of → on the
// learning-rate slider, 30 ms apart) on the Playground spiral 6×8 case at epoch 400.
import { chromium } from '@playwright/test';
const port = process.argv[2];
const b = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const p = await b.newPage({ viewport: { width: 1366, height: 768 } });
await p.goto(`http://127.0.0.1:${port}/overfitting/?dataset=spiral&noise=0.05&n=250&width=8&depth=6&features=poly&lr=0.01&epoch=400`);
await p.waitForSelector('[data-testid=readout][data-busy=false]', { timeout: 120000 });
await p.evaluate(() => {
  window.__lt = [];
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__lt.push(e.duration))).observe({ type: 'longtask' });
});
const slider = p.locator('[data-testid=controls] input[type=range]').nth(5);
console.log('slider', await slider.getAttribute('aria-label') ?? await slider.evaluate((e) => e.closest('.ctl')?.textContent?.slice(0, 30)));
await slider.focus();
for (let i = 0; i < 20; i++) { await p.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight'); await p.waitForTimeout(30); }
await p.waitForSelector('[data-testid=readout][data-busy=false]', { timeout: 120000 });
const lt = await p.evaluate(() => window.__lt);
lt.sort((a, b) => b - a);
console.log(port, 'longtasks', lt.length, 'longest ms', lt.slice(0, 5).map((x) => x.toFixed(0)).join(', '));
await b.close();
