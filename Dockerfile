# careerpath: one image for web and worker nodes (see README, "Production topology").
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 UV_PROJECT_ENVIRONMENT=/app/.venv \
    CAREERPATH_ENV=production CAREERPATH_HOST=0.0.0.0 CAREERPATH_VAR_DIR=/var/lib/careerpath
WORKDIR /app
RUN pip install --no-cache-dir "uv==0.13.8"
COPY pyproject.toml uv.lock README.md alembic.ini ./
COPY src ./src
COPY migrations ./migrations
RUN uv sync --frozen --no-dev && useradd --system --home /app careerpath \
    && mkdir -p /var/lib/careerpath && chown careerpath /var/lib/careerpath
USER careerpath
ENV PATH=/app/.venv/bin:$PATH
EXPOSE 8000
# Web nodes: `careerpath serve`; worker nodes: `careerpath worker`; once per release: `careerpath init`.
CMD ["careerpath", "serve"]
