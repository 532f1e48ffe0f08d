/**
 * The WordPress plugin on a real Debian WordPress 6.1 (Twenty Twenty-Three, Arabic):
 * installed from its zip, used by every role with and without DISALLOW_UNFILTERED_HTML,
 * through shortcodes and blocks, then checked in Chromium: elements upgraded, one script,
 * no sideways scrolling, submissions reaching the reference server, follow-up links that
 * survive a permalink change, the settings page's connection test, and an Author placing
 * a block in the editor. Skipped, with a line saying why, only where the packages cannot
 * be installed. SILA_WP_SCREENSHOTS=docs/images writes the README's wordpress-*.png.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Harness } from '../contract/bundle-harness.js';
import { complaintForm, fillComplaint, OWN_DATABASE, staffList } from '../e2e/e2e-page.js';
import { horizontalOverflow, pageFacts, sendRequest, signIn } from './browser.js';
import { ensurePackages, freePort, PASSWORD, startSite, type Site } from './site.js';

const root = new URL('../..', import.meta.url).pathname;
const SCREENSHOTS = process.env.SILA_WP_SCREENSHOTS; // e.g. docs/images
const skip = ensurePackages();
if (skip) console.log(`SKIPPED: WordPress plugin suite: ${skip}`);

type Server = { url: string; stop: () => Promise<void> };
// A plain .mjs helper without declarations: typed here by hand (as test/contract/bundle-harness.ts does).
const helper = '../../scripts/test-server.mjs';
const { startTestServer } = (await import(helper)) as {
  startTestServer: (root: string, env: Record<string, string>) => Promise<Server>;
};
const ROLES = ['admin', 'editor', 'author', 'contributor'] as const;
const ACCENT = '#1b2f6b';

const SHORTCODE =
  '<!-- wp:shortcode -->\n[sila_complaint_form kind="suggestion" heading="شاركنا اقتراحك"]\n<!-- /wp:shortcode -->';
const BLOCK = '<!-- wp:sila-widgets/request-form {"audience":"beneficiary","heading":"طلب مساعدة"} /-->';
const CUSTOM_HTML =
  '<!-- wp:html -->\n<sila-complaint-form endpoint="https://api.example.org"></sila-complaint-form>\n<!-- /wp:html -->';

describe('the Sila plugin on Debian WordPress', { skip: skip ?? false }, () => {
  let site: Site;
  let api: Server;
  let refusing: Server;
  let browser: Browser;
  let followUpId: number;
  let authorPostId: number;
  const timings: Record<string, number> = {};
  const pages: { id: number; label: string; url: string; widget: 'complaint-form' | 'request-form' }[] = [];
  const started = Date.now();

  /** Stored submissions of one kind, through the staff API. */
  const staff = async (kind: 'request' | 'complaint'): Promise<number> =>
    (await staffList({ api } as Harness)).items.filter((item) => (item as { kind?: string }).kind === kind).length;
  const shot = async (page: Page, name: string) => {
    if (SCREENSHOTS) await page.screenshot({ path: join(root, SCREENSHOTS, `wordpress-${name}.png`), fullPage: false });
  };

  before(async () => {
    execFileSync(process.execPath, [join(root, 'scripts/build-wordpress.mjs')], { cwd: root, stdio: 'inherit' });
    timings.zip = Date.now() - started;
    if (SCREENSHOTS) mkdirSync(join(root, SCREENSHOTS), { recursive: true });
    // The site's port first: the reference server starts meanwhile.
    const port = await freePort();
    const [wordpress, reference] = await Promise.allSettled([
      startSite(port),
      startTestServer(root, { ...OWN_DATABASE, SILA_ALLOWED_ORIGINS: `http://127.0.0.1:${port}` }),
    ]);
    // Whichever started is stopped in after(), even when the other failed.
    if (wordpress.status === 'fulfilled') site = wordpress.value;
    if (reference.status === 'fulfilled') api = reference.value;
    for (const outcome of [wordpress, reference]) if (outcome.status === 'rejected') throw outcome.reason;
    timings.servers = Date.now() - started - timings.zip!;
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox'],
    });
    timings.setup = Date.now() - started;
  });

  after(async () => {
    await browser?.close();
    await api?.stop();
    await refusing?.stop();
    await site?.close();
    const total = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`WordPress suite timings (ms): ${JSON.stringify(timings)}; total ${total} s`);
  });

  it('every PHP file of the plugin parses (php -l) and passes PHP_CodeSniffer (wordpress/phpcs.xml.dist: WPCS itself is Composer-only)', () => {
    const dir = join(root, 'wordpress/sila-widgets');
    const files = readdirSync(dir, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.php'));
    assert.ok(files.length >= 10);
    for (const file of files) {
      const lint = spawnSync('php', ['-l', join(dir, file)], { encoding: 'utf8' });
      assert.equal(lint.status, 0, `${file}: ${lint.stdout}${lint.stderr}`);
    }
    const style = spawnSync('phpcs', ['--standard=phpcs.xml.dist', '--report=full', '-s'], {
      cwd: join(root, 'wordpress'),
      encoding: 'utf8',
    });
    assert.equal(style.status, 0, style.stdout + style.stderr);
  });

  it('installs WordPress in Arabic and the plugin from its zip, as Plugins → Add New → Upload does', () => {
    const installed = site.wp('install', { title: 'جمعية صلة للتجربة', password: PASSWORD, language: 'ar' });
    assert.equal(installed.version, '6.1.9');
    assert.equal(installed.theme, 'twentytwentythree');
    const plugin = site.wp('install-plugin', { zip: join(root, 'dist/wordpress/sila-widgets.zip') });
    assert.equal(plugin.active, true);
    assert.equal(plugin.plugin.Name, 'Sila Widgets');
    assert.equal(plugin.plugin.RequiresWP, '6.1');
    assert.equal(plugin.plugin.RequiresPHP, '7.4');
    // The header's description comes from the shipped Arabic translation.
    assert.match(plugin.plugin.Description, /نماذج الشكاوى/);

    const [followUp] = site.wp('save', {
      posts: [
        {
          login: 'admin',
          type: 'page',
          status: 'publish',
          title: 'متابعة الطلبات',
          content: '<!-- wp:sila-widgets/status-lookup /-->',
        },
      ],
    });
    followUpId = followUp.id;
    const settings = site.wp('settings', {
      endpoint: `${api.url}/v1/`,
      follow_up_page: followUpId,
      accent: ACCENT,
      radius: '12',
      font_size: '',
      language: 'ar',
    });
    assert.equal(settings.endpoint, api.url, 'a pasted /v1/ is dropped');
    assert.equal(settings.follow_up_page, followUpId);
    timings.install = Date.now() - started - timings.setup!;
  });

  it('every role keeps its shortcode and block, with and without DISALLOW_UNFILTERED_HTML; Custom HTML is what KSES strips', () => {
    for (const hardened of [false, true]) {
      const env: Record<string, string> = hardened ? { SILA_WP_DISALLOW_UNFILTERED_HTML: '1' } : {};
      const config = hardened ? 'DISALLOW_UNFILTERED_HTML' : 'default';
      const status = (login: string) => (login === 'contributor' ? 'pending' : 'publish');
      const posts = ROLES.flatMap((login) => [
        { login, status: status(login), title: 'شاركنا اقتراحك', content: SHORTCODE },
        { login, status: status(login), title: 'طلب مساعدة', content: BLOCK },
        { login, status: 'draft', title: 'نموذج منسوخ', content: CUSTOM_HTML },
      ]);
      const label = (i: number) => `${posts[i]!.login}, ${config}, ${['shortcode', 'block', 'custom HTML'][i % 3]}`;
      const saved = site.wp('save', { posts }, env);
      for (const [i, post] of saved.entries()) {
        const sent = posts[i]!;
        const mayPostHtml = !hardened && (sent.login === 'admin' || sent.login === 'editor');
        assert.equal(post.unfiltered, mayPostHtml, `${label(i)}: unfiltered_html`);
        if (sent.content === CUSTOM_HTML) {
          // The old copy-paste route: stored empty for everyone without unfiltered_html.
          assert.equal(post.content.includes('<sila-complaint-form'), mayPostHtml, label(i));
          continue;
        }
        assert.equal(post.content, sent.content, `${label(i)}: saved as written`);
        assert.equal(post.status, sent.status, label(i));
      }
      // An Editor fixing a typo in the title of an Author's post: the content goes through the filters again.
      const authorBlock = saved[ROLES.indexOf('author') * 3 + 1];
      const retitled = site.wp('retitle', { login: 'editor', id: authorBlock.id, title: 'طلب مساعدة مالية' }, env);
      assert.equal(retitled.title, 'طلب مساعدة مالية');
      assert.equal(retitled.content, BLOCK);
      // The Contributor's posts, approved as submitted.
      const pending = saved.filter((post: any) => post.status === 'pending').map((post: any) => post.id);
      const published = site.wp('publish', { ids: pending }, env);
      for (const post of published) assert.equal(post.status, 'publish');

      for (const [i, post] of saved.entries()) {
        if (posts[i]!.content === CUSTOM_HTML) continue;
        const url = post.status === 'publish' ? post.url : published.find((p: any) => p.id === post.id).url;
        pages.push({
          id: post.id,
          label: label(i),
          url,
          widget: post.content === SHORTCODE ? 'complaint-form' : 'request-form',
        });
      }
    }
    assert.equal(pages.length, 16);
  });

  it('each published page upgrades its element with a shadow root and loads one deferred file in the footer; none on the home page', async () => {
    const page = await browser.newPage();
    try {
      for (const { label, url, widget } of pages) {
        await page.goto(url);
        const facts = await pageFacts(page);
        assert.equal(facts.elements.length, 1, label);
        const [element] = facts.elements;
        assert.equal(element!.tag, `sila-${widget}`, label);
        assert.ok(element!.defined && element!.shadow, `${label}: defined with a shadow root`);
        assert.equal(element!.attributes.endpoint, api.url, label);
        assert.equal(element!.attributes.lang, 'ar', label);
        assert.equal(element!.accent, ACCENT, `${label}: --sila-color-accent`);
        assert.match(element!.attributes.style ?? '', /--sila-radius:12px/, label);
        assert.equal(facts.silaScripts.length, 1, `${label}: ${JSON.stringify(facts.silaScripts)}`);
        assert.match(facts.silaScripts[0]!.src, new RegExp(`/assets/sila-${widget}\\.ar\\.iife\\.js\\?ver=`), label);
        assert.ok(facts.silaScripts[0]!.defer && facts.silaScripts[0]!.inBody, `${label}: deferred, in the footer`);
        assert.equal(facts.inlineSila, 0, `${label}: no inline script`);
        assert.deepEqual([facts.lang, facts.dir], ['ar', 'rtl']);
      }

      await page.goto(`${site.url}/`);
      const home = await pageFacts(page);
      assert.equal(home.silaScripts.length, 0, 'no Sila script on the home page');
      assert.equal(home.elements.length, 0);

      // Two kinds on one page, or the follow-up page (its lookup embeds a rating): the all-in-one file, once
      // (in Arabic, the site's widget language).
      const [mixed] = site.wp('save', {
        posts: [
          {
            login: 'author',
            status: 'publish',
            title: 'شكوى وتقييم',
            content: `${BLOCK}\n\n${SHORTCODE}\n\n<!-- wp:shortcode -->\n[sila_rating scale="csat" display="faces"]\n<!-- /wp:shortcode -->\n\n${SHORTCODE}`,
          },
        ],
      });
      for (const url of [mixed.url, site.wp('read', { id: followUpId }).url]) {
        await page.goto(url);
        const facts = await pageFacts(page);
        assert.ok(
          facts.elements.every((el) => el.defined && el.shadow),
          url,
        );
        assert.deepEqual(
          facts.silaScripts.map((script) => new URL(script.src).pathname.split('/').pop()),
          ['sila.ar.iife.js'],
          url,
        );
      }
    } finally {
      await page.close();
    }
  });

  it('no sideways scrolling at 375 and 1280 px in Twenty Twenty-Three (complaint, request, follow-up pages)', async () => {
    const complaint = pages.find((p) => p.widget === 'complaint-form')!.url;
    const request = pages.find((p) => p.widget === 'request-form')!.url;
    const followUp = site.wp('read', { id: followUpId }).url;
    for (const width of [375, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: width === 375 ? 812 : 900 } });
      try {
        for (const [name, url] of [
          ['complaint', complaint],
          ['request', request],
          ['follow-up', followUp],
        ] as const) {
          await page.goto(url);
          await pageFacts(page);
          await page
            .locator('sila-complaint-form, sila-request-form, sila-status-lookup')
            .locator('form')
            .first()
            .waitFor();
          assert.equal(await horizontalOverflow(page), 0, `${name} at ${width} px`);
          if (name === 'complaint') await shot(page, `${name}-${width}`);
        }
      } finally {
        await page.close();
      }
    }
  });

  it('a service request sent from a WordPress page reaches the reference server', async () => {
    const before = await staff('request');
    const page = await browser.newPage();
    try {
      await page.goto(pages.find((p) => p.widget === 'request-form')!.url);
      const form = page.locator('sila-request-form');
      await sendRequest(form);
      await form.locator('[part~=reference]').waitFor({ timeout: 30_000 });
    } finally {
      await page.close();
    }
    assert.equal(await staff('request'), before + 1);
  });

  it('an Author places the complaint block in the editor and publishes; a complaint sent from that page reaches the server', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    let url: string;
    try {
      const t0 = Date.now();
      await signIn(page, site.url, 'author');
      await page.goto(`${site.url}/wp-admin/post-new.php`);
      // The first visit shows the editor's welcome guide: closed as a person would.
      const guide = page.locator('.edit-post-welcome-guide');
      if (
        await guide.waitFor({ timeout: 5_000 }).then(
          () => true,
          () => false,
        )
      )
        await page.keyboard.press('Escape');
      await page.locator('.editor-post-title__input').click();
      await page.keyboard.type('شكاوى واقتراحات');
      await page.locator('.edit-post-header-toolbar__inserter-toggle').click();
      await page.locator('.block-editor-inserter__search input').fill('الشكاوى');
      await page.locator('.block-editor-block-types-list__item', { hasText: 'نموذج الشكاوى' }).click();
      // Close the inserter, open the settings sidebar (closed on a first visit).
      await page.locator('.edit-post-header-toolbar__inserter-toggle').click();
      const gear = page.locator('.interface-pinned-items button').first();
      if ((await gear.getAttribute('aria-pressed')) !== 'true') await gear.click();
      // The sidebar control (our editor script, its Arabic strings from the shipped JSON).
      await page.getByLabel('النوع المحدد مسبقًا').selectOption('complaint');
      await shot(page, 'block');
      await page.locator('.editor-post-publish-panel__toggle').click();
      await page.locator('.editor-post-publish-panel .editor-post-publish-button').click();
      const view = page.locator('.post-publish-panel__postpublish-header a').first();
      await view.waitFor({ timeout: 30_000 });
      timings.authorPlacesBlock = Date.now() - t0;
      authorPostId = Number(new URL(page.url()).searchParams.get('post'));
      url = (await view.getAttribute('href'))!;
    } finally {
      await page.close();
    }
    assert.ok(timings.authorPlacesBlock! < 120_000, `placed in ${timings.authorPlacesBlock} ms`);

    const before = await staff('complaint');
    const visitor = await browser.newPage();
    try {
      await visitor.goto(url);
      const facts = await pageFacts(visitor);
      assert.equal(facts.elements[0]?.attributes.kind, 'complaint');
      const form = await complaintForm(visitor);
      const filled = Date.now();
      await fillComplaint(form);
      await visitor.waitForTimeout(Math.max(0, 1_800 - (Date.now() - filled))); // the time trap
      await form.locator('button[type=submit]').click();
      await form.locator('[part~=reference]').waitFor({ timeout: 30_000 });
    } finally {
      await visitor.close();
    }
    assert.equal(await staff('complaint'), before + 1);
  });

  it('the follow-up link still leads to the follow-up page after its slug and the permalink setting change', async () => {
    const complaintUrl = () => site.wp('read', { id: authorPostId }).url as string;
    const statusUrl = async (page: Page) => {
      await page.goto(complaintUrl());
      return page.locator('sila-complaint-form').getAttribute('status-url');
    };
    const page = await browser.newPage();
    try {
      const renamed = site.wp('rename', { id: followUpId, slug: 'follow-up' });
      assert.match(renamed.url, /\/follow-up\/$/);
      assert.equal(await statusUrl(page), renamed.url);

      site.wp('permalinks', { structure: '' }); // "Plain": ?page_id=N
      const plain = site.wp('read', { id: followUpId }).url;
      assert.equal(plain, `${site.url}/?page_id=${followUpId}`);
      assert.equal(await statusUrl(page), plain);

      const form = await complaintForm(page);
      const filled = Date.now();
      await fillComplaint(form, { mobile: '0559876543' });
      await page.waitForTimeout(Math.max(0, 1_800 - (Date.now() - filled))); // the time trap
      await form.locator('button[type=submit]').click();
      const shown = await form.locator('[part~=reference]').textContent({ timeout: 30_000 });
      const reference = shown?.match(/[A-Z]-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/)?.[0];
      assert.ok(reference, `a reference in ${shown}`);
      await Promise.all([
        page.waitForURL(`${plain}&ref=${encodeURIComponent(reference)}`),
        form.locator('[part~=status-link]').click(),
      ]);
      const lookup = page.locator('sila-status-lookup');
      assert.equal(await lookup.locator('[name="reference"]').inputValue(), reference);
      await lookup.locator('[name="verifier"]').fill('6543');
      await lookup.locator('button[part="submit"]').click();
      await lookup.locator('[part~=result]').waitFor({ timeout: 15_000 });
    } finally {
      await page.close();
      site.wp('permalinks', { structure: '/%postname%/' });
    }
  });

  it('Settings → Sila: the connection test passes, and names the exact SILA_ALLOWED_ORIGINS line when the backend refuses the site', async () => {
    // A second backend, which does not allow this site.
    refusing = await startTestServer(root, {
      ...OWN_DATABASE,
      SILA_ALLOWED_ORIGINS: 'https://another-charity.example',
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    try {
      await signIn(page, site.url, 'admin');
      await page.goto(`${site.url}/wp-admin/options-general.php?page=sila-widgets`);
      assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
      assert.equal(await page.locator('#sila-widgets-follow-up-page').inputValue(), String(followUpId));
      assert.equal(await page.locator('a[href$="/staff/"]').first().getAttribute('href'), `${api.url}/staff/`);
      const result = page.locator('#sila-widgets-test-result');
      await page.locator('#sila-widgets-test').click();
      await result.locator('.sila-widgets-good').waitFor({ timeout: 15_000 });
      assert.match((await result.textContent())!, /الخادم يستجيب لووردبريس/);

      await page.locator('#sila-widgets-endpoint').fill(refusing.url);
      await page.locator('#sila-widgets-test').click();
      const line = result.locator('.sila-widgets-origin-line code');
      await line.waitFor({ timeout: 15_000 });
      assert.equal(await line.textContent(), `SILA_ALLOWED_ORIGINS=${site.url}`);
      await shot(page, 'settings');
    } finally {
      await page.close();
    }
  });

  it('deleting the plugin removes its settings', () => {
    const removed = site.wp('uninstall');
    assert.equal(removed.deleted, true);
    assert.equal(removed.option, null);
  });
});
