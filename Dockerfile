# syntax=docker/dockerfile:1.6
# Build: docker build --build-context fhir-packages=../shared/fhir-packages -t jp-cvd-registry .
# JP Core / JP-CLINS package folders come from the named build context; nothing is downloaded at run time.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/seed-r4-core.mjs scripts/
RUN npm ci --no-audit --no-fund
COPY --from=fhir-packages . /opt/fhir-packages
COPY . .
ENV FHIR_PACKAGES_DIR=/opt/fhir-packages
RUN npm run build && npm run build:ig && npm prune --omit=dev --ignore-scripts

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 AUTH_ENABLED=true PORT=8080 DATA_DIR=/data FHIR_PACKAGES_DIR=/opt/fhir-packages
COPY --from=build /opt/fhir-packages /opt/fhir-packages
COPY --from=build /app/package.json /app/sushi-config.yaml ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/.fhir ./.fhir
COPY --from=build /app/fsh-generated ./fsh-generated
COPY --from=build /app/ig-site ./ig-site
COPY --from=build /app/dashboard ./dashboard
RUN mkdir -p /data && chown node:node /data
VOLUME /data
EXPOSE 8080
USER node
CMD ["node", "dist/cli.js", "serve"]
