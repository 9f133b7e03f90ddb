// Mạng Xã Chợ feed: pages through /api/feed as the reader scrolls (markwatch demo).
// The markup of each post is a fixed contract; the crawler's extraction profile relies on it.
(function () {
  'use strict';
  var feed = document.getElementById('feed');
  var sentinel = document.getElementById('feed-sentinel');
  var status = document.getElementById('feed-status');
  var cursor = 0;
  var loading = false;
  var done = false;

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function render(p) {
    var article = el('article', 'post');
    article.setAttribute('data-post-id', p.id);
    var header = el('header');
    var author = el('a', 'author', p.author.name);
    author.href = p.author.url;
    var permalink = el('a', 'permalink');
    permalink.href = p.url;
    var time = el('time', null, p.createdAtText);
    time.setAttribute('datetime', p.createdAt);
    permalink.appendChild(time);
    header.appendChild(author);
    header.appendChild(document.createTextNode(' · '));
    header.appendChild(permalink);
    article.appendChild(header);
    article.appendChild(el('div', 'post-text', p.text));
    p.images.forEach(function (src) {
      var img = el('img', 'post-image');
      img.src = src;
      img.alt = '';
      article.appendChild(img);
    });
    var footer = el('footer');
    footer.appendChild(el('span', 'likes', String(p.likes)));
    footer.appendChild(document.createTextNode(' lượt thích · '));
    footer.appendChild(el('span', 'comments', String(p.comments)));
    footer.appendChild(document.createTextNode(' bình luận'));
    article.appendChild(footer);
    return article;
  }

  function sentinelVisible() {
    return sentinel.getBoundingClientRect().top < window.innerHeight + 200;
  }

  function load() {
    if (loading || done) { return; }
    loading = true;
    status.setAttribute('data-state', 'loading');
    status.textContent = 'Đang tải bài viết…';
    fetch('/api/feed?cursor=' + cursor, { headers: { 'Accept': 'application/json' } })
      .then(function (r) {
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.json();
      })
      .then(function (data) {
        data.posts.forEach(function (p) { feed.appendChild(render(p)); });
        feed.setAttribute('data-loaded', String(feed.children.length));
        loading = false;
        if (data.nextCursor === null || data.nextCursor === undefined) {
          done = true;
          observer.disconnect();
          status.setAttribute('data-state', 'end');
          status.textContent = 'Bạn đã xem hết bài viết trong nhóm.';
          return;
        }
        cursor = data.nextCursor;
        status.setAttribute('data-state', 'more');
        status.textContent = 'Cuộn xuống để xem thêm';
        // The observer fires only when visibility changes: if the new posts did not push the
        // sentinel out of view, ask for the next batch now.
        if (sentinelVisible()) { load(); }
      })
      .catch(function (err) {
        loading = false;
        status.setAttribute('data-state', 'error');
        status.textContent = 'Không tải được bài viết (' + err.message + '). Cuộn để thử lại.';
      });
  }

  var observer = new IntersectionObserver(function (entries) {
    if (entries.some(function (e) { return e.isIntersecting; })) { load(); }
  }, { rootMargin: '200px' });
  observer.observe(sentinel);
  window.addEventListener('scroll', function () {
    if (!done && !loading && status.getAttribute('data-state') === 'error' && sentinelVisible()) { load(); }
  });
})();
