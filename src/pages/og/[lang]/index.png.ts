import type { APIRoute, InferGetStaticPropsType } from 'astro';
import { homeCard, previewImageResponse } from '../../../lib/preview-image';
import { localeStaticPaths } from '../../../lib/static-paths';

/** `/og/{lang}/index.png`: the link-preview image of a language's home page. */
export const getStaticPaths = localeStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
  previewImageResponse(homeCard(props.lang));
